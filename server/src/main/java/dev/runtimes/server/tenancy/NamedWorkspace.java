package dev.runtimes.server.tenancy;

/**
 * The workspace a request's path names, read in the same statement as the caller's key.
 *
 * @param visible the workspace, or {@code null} when it does not exist or the caller is no member of
 *     its organization: the two look the same from outside
 */
public record NamedWorkspace(String org, String slug, AccessibleWorkspace visible) {
    /** {@code org/slug}, as answers name the workspace. */
    public String name() {
        return org + "/" + slug;
    }
}
