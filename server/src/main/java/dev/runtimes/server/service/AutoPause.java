package dev.runtimes.server.service;

import dev.runtimes.server.domain.Memberships;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.domain.Sandbox;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why the server pauses a running sandbox on its own ({@code pause_reason}). Each reason has a
 * condition in SQL, over the sandbox {@code s} and its organization {@code o}, that finds the
 * candidates, and the same condition in Java, checked again once the runtime is locked.
 */
enum AutoPause {
    TIMEOUT("timeout", "s.expires_at <= ?"),
    INSUFFICIENT_CREDITS("insufficient_credits", "o.credit_balance <= 0"),
    MEMBER_LIMIT_EXCEEDED(
            "member_limit_exceeded",
            "o.member_limit < (select count(*) from memberships m where m.organization_id = o.id)");

    /**
     * The condition, over {@code s} and {@code o}, of a running sandbox that no reason holds for:
     * one that may run on. Its parameters are {@link #allParameters}.
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

    /** The parameters of {@link #condition()}, in its order. */
    List<Object> parameters(Instant now) {
        return this == TIMEOUT ? List.of(Rows.timestamp(now)) : List.of();
    }

    /** The parameters of {@link #NONE_HOLDS}, in its order. */
    static List<Object> allParameters(Instant now) {
        return Arrays.stream(values())
                .flatMap(cause -> cause.parameters(now).stream())
                .toList();
    }

    /** Whether the running sandbox must be paused for this reason at {@code now}. */
    boolean holds(Sandbox sandbox, Organization org, Memberships memberships, Instant now) {
        return switch (this) {
            case TIMEOUT -> sandbox.expiresAt != null && !sandbox.expiresAt.isAfter(now);
            case INSUFFICIENT_CREDITS -> org.creditBalance != null && org.creditBalance <= 0;
            case MEMBER_LIMIT_EXCEEDED -> org.memberLimit != null && memberships.count(org.id) > org.memberLimit;
        };
    }
}
