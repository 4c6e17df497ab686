package dev.runtimes.server.web.traits;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The success status a resource chose for this request, for an operation that documents more
 * than one (e.g. {@code 200} or {@code 201}); {@link SuccessStatusFilter} applies it.
 */
@RequestScoped
public class ChosenStatus {
    private Integer status;

    public void set(int status) {
        this.status = status;
    }

    Optional<Integer> get() {
        return Optional.ofNullable(status);
    }
}
