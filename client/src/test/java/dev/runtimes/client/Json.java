package dev.runtimes.client;

/** Bodies the canned server answers with, shaped as the spec documents them. */
final class Json {
    private Json() {}

    static String envelope(int status, String type, String detail) {
        return """
                {"code": %d, "type": "%s", "detail": "%s", "errors": null}""".formatted(status, type, detail);
    }

    /** A page of idle runtimes with the given keys. */
    static String page(String nextCursor, String... keys) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            items.append(i == 0 ? "" : ",").append(idleRuntime(keys[i]));
        }
        String cursor = nextCursor == null ? "null" : "\"" + nextCursor + "\"";
        return "{\"items\": [" + items + "], \"next_cursor\": " + cursor + "}";
    }

    static String idleRuntime(String key) {
        return """
                {"id": "%s", "key": "%s", "name": "Runtime %s", "description": null,
                 "project_id": "0b3c52f4-8a7e-4b0a-9a4c-7f9d1c2e5a10", "project_key": "default",
                 "project_name": "Default", "status": "idle", "labels": {},
                 "config_digest": "sha256:4c1e7a0d3b6f9c2e5a8d1b4f7c0e3a6d9b2f5c8e1a4d7b0c3f6e9a2d5b8c1f4e",
                 "config_version": "v2", "owned_by_me": true, "created_by": "ada",
                 "created_at": "2026-11-28T17:45:00.000001Z", "updated_at": "2026-11-28T17:45:00.000001Z",
                 "instance": null}""".formatted(java.util.UUID.nameUUIDFromBytes(key.getBytes()), key, key);
    }
}
