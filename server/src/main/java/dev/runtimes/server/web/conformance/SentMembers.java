package dev.runtimes.server.web.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;

/**
 * The members the current request's JSON body carried, kept by {@link RequestConformance}. A
 * {@code PATCH} is an RFC 7396 merge patch: an absent member stays as it is and one sent as
 * {@code null} is cleared, which the generated models, holding {@code null} for both, cannot tell.
 */
@RequestScoped
public class SentMembers {
    private JsonNode body;

    public boolean has(String member) {
        return body != null && body.has(member);
    }

    void keep(JsonNode body) {
        this.body = body;
    }
}
