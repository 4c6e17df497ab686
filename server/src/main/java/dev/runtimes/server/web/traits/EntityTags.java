package dev.runtimes.server.web.traits;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Entity tags of answer bodies, and {@code If-None-Match} as RFC 9110 compares it. */
final class EntityTags {
    private static final String WEAK_PREFIX = "W/";

    private EntityTags() {}

    /** A strong tag of the body's first {@code length} bytes: the first 128 bits of their SHA-256, quoted. */
    static String of(byte[] body, int length) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(body, 0, length);
            byte[] digest = sha256.digest();
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code If-None-Match} names the tag: {@code *}, or one of its comma-separated tags
     * under the weak comparison (RFC 9110, 13.1.2), where {@code W/"x"} and {@code "x"} match.
     */
    static boolean noneMatchNames(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(opaque(tag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith(WEAK_PREFIX) ? tag.substring(WEAK_PREFIX.length()) : tag;
    }
}
