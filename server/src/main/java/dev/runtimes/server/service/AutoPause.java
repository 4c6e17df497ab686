package dev.runtimes.server.service;

import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Sandbox;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Why the server pauses a running sandbox on its own ({@code pause_reason}). Each reason has a
 * condition in SQL, over the sandbox {@code s} and its organization {@code o}, that finds the
 * candidates, and the same condition in Java, checked again once the runtime is locked.
 */
enum AutoPause {
    TIMEOUT("timeout", "s.expires_at <= :now"),
    INSUFFICIENT_CREDITS("insufficient_credits", "o.credit_balance <= 0"),
    MEMBER_LIMIT_EXCEEDED(
            "member_limit_exceeded",
            "o.member_limit < (select count(*) from memberships m where m.organization_id = o.id)");

    /**
     * The condition, over {@code s} and {@code o}, of a running sandbox that no reason holds for:
     * one that may run on. Its parameters are bound by {@link #bindAll}.
     */
    static final String NONE_HOLDS = Arrays.stream(values())
            .map(cause -> "(" + cause.condition + ") is not true")
            .collect(Collectors.joining(" and "));

    private final String reason;
    private final String condition;

    AutoPause(String reason, String condition) {
        this.reason = reason;
        this.condition = condition;
    }

    /** As {@code pause_reason} shows it. */
    String reason() {
        return reason;
    }

    String condition() {
        return condition;
    }

    /** Binds the parameters {@link #condition()} names. */
    Query bind(Query query, Instant now) {
        return this == TIMEOUT ? query.setParameter("now", now) : query;
    }

    /** Binds the parameters of {@link #NONE_HOLDS}. */
    static Query bindAll(Query query, Instant now) {
        for (AutoPause cause : values()) {
            cause.bind(query, now);
        }
        return query;
    }

    /** Whether the running sandbox must be paused for this reason at {@code now}. */
    boolean holds(Sandbox sandbox, Organization org, Instant now) {
        return switch (this) {
            case TIMEOUT -> sandbox.expiresAt != null && !sandbox.expiresAt.isAfter(now);
            case INSUFFICIENT_CREDITS -> org.creditBalance != null && org.creditBalance <= 0;
            case MEMBER_LIMIT_EXCEEDED ->
                org.memberLimit != null && Membership.count("organizationId", org.id) > org.memberLimit;
        };
    }
}
