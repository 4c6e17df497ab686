package dev.runtimes.server.tenancy;

import java.time.Instant;

/** An API key as authentication reads it: its hash, its state and the caller it makes. */
record StoredKey(String tokenHash, Instant revokedAt, Instant expiresAt, Caller caller) {}
