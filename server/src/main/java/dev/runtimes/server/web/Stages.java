package dev.runtimes.server.web;

import jakarta.ws.rs.Priorities;

/**
 * The place of every stage a request passes, in the order it passes them; each filter takes its
 * priority from here. No two stages share a value, so no order is left to chance.
 */
public final class Stages {
    // Vert.x route filters, before Quarkus REST sees the request: the higher value runs first.

    /** First: every answer, even a refusal at the edge, carries a request id. */
    public static final int REQUEST_ID = 10_000;
    /** Next, so the access line times and records the refusals below too, under the request's id. */
    public static final int ACCESS_LOG = 9_999;
    /** Refuses an oversized body before anything reads it; the refusal has its id and access line. */
    public static final int BODY_SIZE_LIMIT = 9_998;
    /** Drops a form's media type from a request without content, before Quarkus REST parses forms. */
    public static final int FORM_WITHOUT_CONTENT = 9_997;

    // Quarkus REST request filters: the lower value runs first.

    /** Before matching: no operation is matched (or refused) on its {@code Accept}. */
    public static final int ACCEPT_DISREGARDED = Priorities.HEADER_DECORATOR;
    /** First after matching: nothing is told to, or costs, an unknown caller. */
    public static final int AUTHENTICATION = Priorities.AUTHENTICATION;
    /** Right after authentication: every later answer carries the quota headers and costs a request. */
    public static final int RATE_LIMIT = Priorities.USER;
    /** An outdated client is refused after its request was counted. */
    public static final int CLIENT_VERSION = Priorities.USER + 100;
    /** Every parameter and the body held to the spec: a 422 still carries the quota headers, and a 426 wins. */
    public static final int CONFORMANCE = Priorities.USER + 200;
    /** Last: a refused, rate-limited or outdated request never takes an idempotency key. */
    public static final int IDEMPOTENCY_BEGIN = Priorities.USER + 300;

    // Quarkus REST response filters: the higher value runs first.

    /** First: the documented status (201 for a create) is final before anything records the answer. */
    public static final int SUCCESS_STATUS = Priorities.USER + 600;
    /** Keeps the answer as the resource made it: its final status, its body and not a 304. */
    public static final int IDEMPOTENCY_COMPLETE = Priorities.USER + 500;
    /** Last: tags the bytes that are sent, and may turn them into a 304. */
    public static final int CONDITIONAL_READ = Priorities.USER + 400;

    private Stages() {}
}
