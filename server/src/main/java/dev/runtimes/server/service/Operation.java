package dev.runtimes.server.service;

import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.error.ServiceException;
import java.util.Set;

/** A lifecycle transition that calls the provider, with the statuses it may start from. */
enum Operation {
    START("start", "started", "start a sandbox for", "the runtime stays idle", Set.of(Runtime.IDLE)),
    PAUSE("pause", "paused", "pause the sandbox of", "the runtime is unchanged", Set.of(Runtime.RUNNING)),
    RESUME("resume", "resumed", "resume the sandbox of", "the runtime is unchanged", Set.of(Runtime.PAUSED)),
    RESET("reset", "reset", "kill the sandbox of", "the runtime is unchanged", Set.of(Runtime.RUNNING, Runtime.PAUSED)),
    DELETE(
            "delete",
            "deleted",
            "kill the sandbox of",
            "the runtime is unchanged",
            Set.of(Runtime.IDLE, Runtime.RUNNING, Runtime.PAUSED));

    private final String noun;
    private final String pastParticiple;
    private final String providerAction;
    private final String outcomeOnFailure;
    private final Set<String> from;

    Operation(String noun, String pastParticiple, String providerAction, String outcomeOnFailure, Set<String> from) {
        this.noun = noun;
        this.pastParticiple = pastParticiple;
        this.providerAction = providerAction;
        this.outcomeOnFailure = outcomeOnFailure;
        this.from = from;
    }

    /** As the claim column and the busy message name it: {@code start}, {@code pause}, ... */
    String noun() {
        return noun;
    }

    /** After "was not": {@code started}, {@code resumed}, ... */
    String pastParticiple() {
        return pastParticiple;
    }

    /** What the provider was asked, after "failed to": {@code pause the sandbox of}. */
    String providerAction() {
        return providerAction;
    }

    /** What a failure leaves behind, for the answer: {@code the runtime stays idle}. */
    String outcomeOnFailure() {
        return outcomeOnFailure;
    }

    boolean allowedFrom(String status) {
        return from.contains(status);
    }

    ServiceException refusedFor(Runtime runtime) {
        return refused(runtime, pastParticiple);
    }

    /** The 409 of a transition the runtime's status does not allow. */
    static ServiceException refused(Runtime runtime, String pastParticiple) {
        return ServiceException.conflict(
                "Runtime '" + runtime.key + "' cannot be " + pastParticiple + " while it is " + runtime.status + ".");
    }
}
