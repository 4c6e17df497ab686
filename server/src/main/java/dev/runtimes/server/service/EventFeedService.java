package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.CursorCodec;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.events.EventFilter;
import dev.runtimes.server.events.EventHub;
import dev.runtimes.server.events.EventSink;
import dev.runtimes.server.events.EventStore;
import dev.runtimes.server.events.StoredEvent;
import dev.runtimes.server.events.Subscription;
import dev.runtimes.server.tenancy.AccessibleWorkspace;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.tenancy.WorkspaceAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The events of a workspace for its members: a page at a time, or followed as they happen. Every
 * refusal (no access, a cursor that is not the workspace's, one older than the events kept) comes
 * from {@link #open}, before anything is read or sent.
 */
@ApplicationScoped
public class EventFeedService {
    static final String STREAM_OPEN = "stream open";

    private final WorkspaceAccess workspaces;
    private final EventStore store;
    private final EventHub hub;
    private final CursorKeys cursorKeys;
    private final RuntimesConfig config;

    EventFeedService(
            WorkspaceAccess workspaces, EventStore store, EventHub hub, CursorKeys cursorKeys, RuntimesConfig config) {
        this.workspaces = workspaces;
        this.store = store;
        this.hub = hub;
        this.cursorKeys = cursorKeys;
        this.config = config;
    }

    /** Where a reader starts: a cursor, and where it was given ({@code query after} or a header). */
    public record Start(String cursor, String part, String name) {
        public static Start none() {
            return new Start(null, "query", "after");
        }
    }

    /**
     * A reader's view of one workspace's feed, positioned after event {@code after}.
     *
     * @param fromStart whether no cursor was given
     */
    public record Feed(
            UUID workspaceId, UUID callerId, long after, boolean fromStart, EventFilter filter, CursorCodec codec) {
        /** The cursor after event {@code seq}. */
        public String cursor(long seq) {
            return codec.encodeEvents(seq, workspaceId);
        }
    }

    /** A page of events and the cursor after it. */
    public record Page(List<StoredEvent> events, String nextCursor, UUID callerId) {}

    /** The caller's feed of the workspace, after {@code start}'s cursor; refuses what it must. */
    public Feed open(Caller caller, String runtime, List<String> types, Start start) {
        AccessibleWorkspace workspace = workspaces.resolve(caller);
        CursorCodec codec = cursorKeys.codec();
        EventFilter filter = new EventFilter(runtime, Set.copyOf(types));
        if (start.cursor() == null) {
            return new Feed(workspace.id(), caller.userId(), -1, true, filter, codec);
        }
        long after = codec.decodeEvents(start.cursor(), workspace.id())
                .orElseThrow(() -> ServiceException.invalidParameter(
                        start.part(),
                        start.name(),
                        "The cursor is not valid for the events of this workspace; start again without a cursor.",
                        "invalid_cursor"));
        if (after < store.bounds(workspace.id()).purged()) {
            throw new ServiceException(
                    ErrorKind.CURSOR_EXPIRED,
                    "The cursor points before the oldest event kept (events are kept for "
                            + config.events().retention().toDays() + " days); start again without a cursor.");
        }
        return new Feed(workspace.id(), caller.userId(), after, false, filter, codec);
    }

    /** Up to {@code limit} events after the feed's position, oldest first; without a cursor, from the oldest kept. */
    public Page page(Feed feed, int limit) {
        // The bounds first: every event up to their last has committed, so the page has no gap.
        EventStore.Bounds bounds = store.bounds(feed.workspaceId());
        long after = feed.fromStart() ? bounds.purged() : feed.after();
        List<StoredEvent> events = store.after(feed.workspaceId(), after, bounds.last(), feed.filter(), limit + 1);
        long next;
        if (events.size() > limit) {
            events = events.subList(0, limit);
            next = events.get(limit - 1).seq();
        } else {
            next = Math.max(after, bounds.last());
        }
        return new Page(events, feed.cursor(next), feed.callerId());
    }

    /**
     * Follows the feed: the events after its position (without a cursor, from now on) go to {@code
     * sink}. The first line, a comment, is sent once that position is fixed: a change whose answer
     * comes after it is in the stream.
     */
    public Subscription follow(Feed feed, EventSink sink) {
        long after = feed.fromStart() ? store.bounds(feed.workspaceId()).last() : feed.after();
        sink.comment(STREAM_OPEN);
        return hub.subscribe(feed.workspaceId(), after, feed.filter(), sink);
    }
}
