package dev.runtimes.contract.harness;

/** What a call presents to authenticate: one header, or nothing. */
public record Credentials(String header, String value) {
    public static final Credentials NONE = new Credentials(null, null);

    public static Credentials bearer(String token) {
        return authorization("Bearer " + token);
    }

    /** The same API key in the {@code X-API-Key} header. */
    public static Credentials apiKey(String token) {
        return new Credentials("X-API-Key", token);
    }

    /** An {@code Authorization} header exactly as given, e.g. another scheme. */
    public static Credentials authorization(String value) {
        return new Credentials("Authorization", value);
    }

    public boolean present() {
        return header != null;
    }
}
