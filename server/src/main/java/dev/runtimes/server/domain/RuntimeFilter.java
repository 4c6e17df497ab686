package dev.runtimes.server.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The filters of one list walk; equal filters compare equal whatever order they were given in.
 *
 * @param statuses runtime statuses to keep (OR-ed); empty keeps all
 * @param projectId only this project, or {@code null}
 * @param ownerId only this owner, or {@code null}
 * @param labels labels every runtime must carry (AND-ed), in their order
 */
public record RuntimeFilter(Set<RuntimeState> statuses, UUID projectId, UUID ownerId, SortedSet<LabelFilter> labels) {

    public static RuntimeFilter of(
            Collection<RuntimeState> statuses, UUID projectId, UUID ownerId, Collection<LabelFilter> labels) {
        Set<RuntimeState> states = EnumSet.noneOf(RuntimeState.class);
        states.addAll(statuses);
        return new RuntimeFilter(states, projectId, ownerId, new TreeSet<>(labels));
    }

    /** A stable text form, the same for equal filters, that a cursor binds to. */
    public String canonical() {
        return "s=" + statuses.stream().map(RuntimeState::column).sorted().collect(Collectors.joining(","))
                + ";p=" + projectId + ";o=" + ownerId
                + ";l=" + labels.stream().map(LabelFilter::written).collect(Collectors.joining(", ", "[", "]"));
    }
}
