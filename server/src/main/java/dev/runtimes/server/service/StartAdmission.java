package dev.runtimes.server.service;

import dev.runtimes.server.domain.Memberships;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.ServiceException;

/** What an organization must be for one of its runtimes to start or resume. */
final class StartAdmission {
    private StartAdmission() {}

    /**
     * Refuses the start or resume ({@code operation}) when the organization is metered and has no
     * credits left, or has more members than its member limit.
     */
    static void check(Organization org, Memberships memberships, Runtime runtime, Operation operation) {
        if (org.creditBalance != null && org.creditBalance <= 0) {
            throw new ServiceException(
                    ErrorKind.INSUFFICIENT_CREDITS,
                    "Organization '" + org.slug + "' has no credits left; runtime '" + runtime.key + "' was not "
                            + operation.pastParticiple() + ".");
        }
        if (org.memberLimit != null) {
            long members = memberships.count(org.id);
            if (members > org.memberLimit) {
                throw ServiceException.forbidden("Organization '" + org.slug + "' has " + members
                        + " members, more than its limit of " + org.memberLimit + "; runtime '" + runtime.key
                        + "' was not " + operation.pastParticiple() + ".");
            }
        }
    }
}
