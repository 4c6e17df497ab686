package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.web.pipeline.RateLimitFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract says what the rate limiter does: every answer to an API-key request past
 * authentication documents the rate-limit headers, and every 429 says when to retry.
 */
class RateLimitHeadersInSpecTest {

    @Test
    void everyAnswerToAnApiKeyRequestDocumentsTheRateLimitHeaders() {
        List<SpecResponses.Response> limited = SpecResponses.all().stream()
                .filter(SpecResponses.Response::apiKeyOperation)
                // Refused before the key is known: no credentials, a body too large to read, or a
                // body of another media type (Quarkus REST refuses it as it matches the operation).
                .filter(response -> !List.of("401", "413", "415").contains(response.status()))
                .toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited)
                .filteredOn(response -> !response.documentsHeader(RateLimitFilter.POLICY_HEADER)
                        || !response.documentsHeader(RateLimitFilter.LIMIT_HEADER))
                .isEmpty();
    }

    @Test
    void everyApiKeyOperationDocuments429WithRetryAfter() {
        List<SpecResponses.Response> refusals = SpecResponses.all().stream()
                .filter(SpecResponses.Response::apiKeyOperation)
                .filter(response -> response.status().equals("429"))
                .toList();
        long apiKeyOperations = SpecResponses.all().stream()
                .filter(SpecResponses.Response::apiKeyOperation)
                .map(response -> response.method() + " " + response.path())
                .distinct()
                .count();
        assertThat(refusals).hasSize((int) apiKeyOperations);
        assertThat(refusals)
                .filteredOn(response -> !response.documentsHeader(RateLimitFilter.RETRY_AFTER))
                .isEmpty();
    }
}
