package dev.runtimes.server.web.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.server.api.EventsApi;
import dev.runtimes.server.api.model.EventPage;
import dev.runtimes.server.api.model.EventType;
import dev.runtimes.server.events.EventSink;
import dev.runtimes.server.events.StoredEvent;
import dev.runtimes.server.service.EventFeedService;
import dev.runtimes.server.web.pipeline.CallerContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** HTTP side of the event feed: a page as JSON, or the stream as Server-Sent Events. */
public class EventsResource implements EventsApi {
    private final EventFeedService feed;
    private final EventMapper mapper;
    private final CallerContext callerContext;
    private final ObjectMapper json;

    EventsResource(EventFeedService feed, EventMapper mapper, CallerContext callerContext, ObjectMapper json) {
        this.feed = feed;
        this.mapper = mapper;
        this.callerContext = callerContext;
        this.json = json;
    }

    @Override
    public EventPage listEvents(
            String org,
            String workspace,
            String clientVersion,
            String runtimeId,
            List<EventType> type,
            String after,
            Integer limit) {
        EventFeedService.Start start =
                after == null ? EventFeedService.Start.none() : new EventFeedService.Start(after, "query", "after");
        return mapper.toPage(feed.page(open(runtimeId, type, start), limit));
    }

    @Override
    public void streamEvents(
            String org,
            String workspace,
            String clientVersion,
            String runtimeId,
            List<EventType> type,
            String after,
            String lastEventId,
            SseEventSink sseEventSink,
            Sse sse) {
        EventFeedService.Start start = lastEventId != null
                ? new EventFeedService.Start(lastEventId, "header", "Last-Event-ID")
                : after != null ? new EventFeedService.Start(after, "query", "after") : EventFeedService.Start.none();
        EventFeedService.Feed opened = open(runtimeId, type, start);
        feed.follow(opened, new Sink(opened, sseEventSink, sse));
    }

    private EventFeedService.Feed open(String runtimeId, List<EventType> type, EventFeedService.Start start) {
        List<String> types = type == null
                ? List.of()
                : type.stream().map(EventType::toString).toList();
        return feed.open(callerContext.caller(), runtimeId, types, start);
    }

    /** One client's connection: each event is a message with its cursor as id and its type as name. */
    private final class Sink implements EventSink {
        private final EventFeedService.Feed opened;
        private final SseEventSink sink;
        private final Sse sse;

        Sink(EventFeedService.Feed opened, SseEventSink sink, Sse sse) {
            this.opened = opened;
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public CompletionStage<?> send(StoredEvent event) {
            String data;
            try {
                data = json.writeValueAsString(mapper.toEvent(event, opened.callerId()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an event always serializes", e);
            }
            return sink.send(sse.newEventBuilder()
                    .id(opened.cursor(event.seq()))
                    .name(event.type())
                    .data(data)
                    .build());
        }

        @Override
        public CompletionStage<?> comment(String text) {
            return sink.send(sse.newEventBuilder().comment(text).build());
        }

        @Override
        public boolean isClosed() {
            return sink.isClosed();
        }

        @Override
        public void close() {
            sink.close();
        }
    }
}
