package dev.runtimes.server.service;

import dev.runtimes.server.domain.RuntimeRow;
import java.time.Instant;
import java.util.UUID;

/**
 * One runtime as read at {@code readAt} for the caller {@code callerId}, who may or may not own it.
 */
public record RuntimeView(RuntimeRow row, UUID callerId, Instant readAt) {}
