package dev.runtimes.server.web.pipeline;

import dev.runtimes.server.tenancy.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The authenticated caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CallerContext {
    private Caller caller;

    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("no caller was authenticated for this request");
        }
        return caller;
    }

    /** The caller, when the request was authenticated with an API key; an operator request has none. */
    Optional<Caller> apiKeyCaller() {
        return Optional.ofNullable(caller);
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
