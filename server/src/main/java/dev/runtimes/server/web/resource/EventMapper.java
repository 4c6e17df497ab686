package dev.runtimes.server.web.resource;

import dev.runtimes.server.api.model.Event;
import dev.runtimes.server.api.model.EventPage;
import dev.runtimes.server.api.model.EventType;
import dev.runtimes.server.api.model.PauseReason;
import dev.runtimes.server.events.StoredEvent;
import dev.runtimes.server.service.EventFeedService;
import dev.runtimes.server.web.json.UtcDateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Maps stored events to the spec's models; the runtime as the list shows it at the event's moment. */
@ApplicationScoped
public class EventMapper {
    private final RuntimeMapper runtimes;

    EventMapper(RuntimeMapper runtimes) {
        this.runtimes = runtimes;
    }

    public EventPage toPage(EventFeedService.Page page) {
        return new EventPage()
                .items(page.events().stream()
                        .map(event -> toEvent(event, page.callerId()))
                        .toList())
                .nextCursor(page.nextCursor());
    }

    public Event toEvent(StoredEvent event, UUID callerId) {
        return new Event()
                .id(event.id())
                .type(EventType.fromValue(event.type()))
                .occurredAt(UtcDateTimes.of(event.occurredAt()))
                .runtimeId(event.runtimeId())
                .runtimeKey(event.runtimeKey())
                .actor(event.actor())
                .pauseReason(event.pauseReason() == null ? null : PauseReason.fromValue(event.pauseReason()))
                .runtime(
                        event.runtime() == null
                                ? null
                                : runtimes.toRuntime(event.runtime(), callerId, event.occurredAt()));
    }
}
