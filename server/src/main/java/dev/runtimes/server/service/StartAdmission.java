package dev.runtimes.server.service;

import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Runtime;

/** What an organization must be for one of its runtimes to start. */
final class StartAdmission {
    private StartAdmission() {}

    /** Refuses the start when the organization is metered and has no credits left. */
    static void check(Organization org, Runtime runtime) {
        if (org.creditBalance != null && org.creditBalance <= 0) {
            throw new ServiceException(
                    ErrorKind.INSUFFICIENT_CREDITS,
                    "Organization '" + org.slug + "' has no credits left; runtime '" + runtime.key
                            + "' was not started.");
        }
    }
}
