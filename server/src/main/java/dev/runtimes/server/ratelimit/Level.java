package dev.runtimes.server.ratelimit;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a replica's bucket of one API key's quota stood when it published it: {@code tokens} of
 * the quota named {@code quota} at {@code at}.
 */
record Level(UUID apiKeyId, String quota, long tokens, Instant at) {}
