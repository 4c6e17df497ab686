package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.web.edge.RequestIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract says what the server does: every response documents the X-Request-Id header. */
class RequestIdInSpecTest {

    @Test
    void everyResponseOfEveryOperationDocumentsTheRequestIdHeader() {
        List<SpecResponses.Response> responses = SpecResponses.all();
        assertThat(responses).isNotEmpty();
        assertThat(responses)
                .filteredOn(response -> !response.documentsHeader(RequestIds.HEADER))
                .isEmpty();
    }
}
