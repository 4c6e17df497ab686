package dev.runtimes.server.domain;

import java.util.SortedSet;
import java.util.UUID;

/**
 * The filters of one list walk, in canonical order so that equal filters compare equal.
 *
 * @param statuses runtime statuses to keep (OR-ed); empty keeps all
 * @param projectId only this project, or {@code null}
 * @param ownerId only this owner, or {@code null}
 * @param labels {@code key:value} labels every runtime must carry (AND-ed)
 */
public record RuntimeFilter(SortedSet<String> statuses, UUID projectId, UUID ownerId, SortedSet<String> labels) {

    /** A stable text form, the same for equal filters, that a cursor binds to. */
    public String canonical() {
        return "s=" + String.join(",", statuses) + ";p=" + projectId + ";o=" + ownerId + ";l=" + labels;
    }
}
