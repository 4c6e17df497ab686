package dev.runtimes.server.domain;

/**
 * What {@code idempotency_keys} holds of a request sent with an Idempotency-Key: the hex SHA-256
 * of its method, path and body, and its answer, or a {@code null} status while it is in flight.
 */
public record IdempotencyRecord(String fingerprint, Integer status, String responseBody) {}
