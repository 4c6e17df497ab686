package dev.runtimes.server.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.restassured.response.ValidatableResponse;

/** The 422 envelope of a request with exactly one invalid value. */
final class OneInvalidValue {
    private OneInvalidValue() {}

    /** {@code loc} as the wire writes it, parts joined by {@code /}: {@code query/state/1}. */
    static ValidatableResponse is422On(ValidatableResponse response, String loc, String type) {
        return response.statusCode(422)
                .contentType("application/json")
                .body("code", is(422))
                .body("type", is("validation_error"))
                .body("detail", is("The request has 1 invalid value."))
                .body("errors", hasSize(1))
                .body("errors[0].loc.collect { it.toString() }", contains(loc.split("/")))
                .body("errors[0].type", is(type));
    }
}
