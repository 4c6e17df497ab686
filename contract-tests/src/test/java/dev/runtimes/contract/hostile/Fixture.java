package dev.runtimes.contract.hostile;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The real things generated requests point at, so that hostile values reach past the lookups:
 * a tenant whose owner sends the requests, a member's runtime the owner may read but not change,
 * a user and an API key for the operator operations, and a cursor of the tenant's list.
 *
 * @param ownRuntimes the owner's idle runtime, by key and by id
 * @param othersRuntime a runtime of another member of the workspace
 * @param scratchKeyId a key the operator operations may revoke
 */
record Fixture(
        String org,
        String workspace,
        String ownerToken,
        String memberToken,
        String revokedToken,
        String operatorToken,
        List<String> ownRuntimes,
        String othersRuntime,
        String userId,
        String scratchKeyId,
        String cursor) {

    /**
     * Operations that would start a real sandbox or destroy the fixture if they succeeded: they
     * only ever name a runtime the owner may not change, or none.
     */
    private static final List<String> NEVER_ON_OWN_RUNTIME = List.of("startRuntime", "deleteRuntime");

    /** A valid value for a path or query parameter of this name, or {@code null} when the fixture has none. */
    String value(String operationId, String parameter, SplittableRandom random) {
        return switch (parameter) {
            case "org" -> org;
            case "workspace" -> workspace;
            case "user_id" -> userId;
            case "key_id" -> scratchKeyId;
            case "cursor" -> cursor;
            case "runtime_id" -> runtimeFor(operationId, random);
            default -> null;
        };
    }

    /** The token an allowed caller of the operation sends. */
    String allowedToken(boolean operatorOnly) {
        return operatorOnly ? operatorToken : ownerToken;
    }

    private String runtimeFor(String operationId, SplittableRandom random) {
        int choice = random.nextInt(4);
        if (choice < 2 && !NEVER_ON_OWN_RUNTIME.contains(operationId)) {
            return ownRuntimes.get(choice);
        }
        return choice == 2 ? othersRuntime : "no-such-runtime";
    }
}
