package dev.runtimes.server.error;

/**
 * The credentials a part of the API takes, and the detail of a 401 about them: what was wrong,
 * as far as it is safe to say, and how to send them. No detail repeats what was sent.
 */
public enum Credentials {
    API_KEY("API key", ": it is unknown, revoked or expired", "Authorization: Bearer <token> or X-API-Key: <token>"),
    OPERATOR_TOKEN("operator token", "", "Authorization: Bearer <token>");

    /** What was wrong with a request's credentials. */
    public enum Problem {
        /** No credentials at all. */
        MISSING,
        /** An {@code Authorization} header with a scheme other than {@code Bearer}. */
        NOT_BEARER,
        /** A secret that is no valid credential: unknown, revoked, expired or too long. */
        INVALID
    }

    private final String name;
    private final String invalidBecause;
    private final String howToSend;

    Credentials(String name, String invalidBecause, String howToSend) {
        this.name = name;
        this.invalidBecause = invalidBecause;
        this.howToSend = howToSend;
    }

    public String detail(Problem problem) {
        String wrong = switch (problem) {
            case MISSING -> "No credentials were sent.";
            case NOT_BEARER -> "The Authorization header does not use the Bearer scheme.";
            case INVALID -> "The " + name + " is not valid" + invalidBecause + ".";
        };
        return wrong + " Send the " + name + " as " + howToSend + ".";
    }
}
