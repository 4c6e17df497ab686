package dev.runtimes.server.service;

import dev.runtimes.server.domain.RuntimeRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One page of the list, as read at {@code readAt}.
 *
 * @param callerId the user the page was read for, to tell which runtimes they own
 * @param nextCursor the cursor of the next page, {@code null} on the last
 */
public record RuntimePage(List<RuntimeRow> rows, String nextCursor, UUID callerId, Instant readAt) {}
