package dev.runtimes.server.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API key secrets: how they are made and the only form in which they are stored. */
public final class Tokens {
    /** Every generated key starts with this, so a leaked one is easy to recognise. */
    public static final String PREFIX = "rtk_";

    private Tokens() {}

    /** A new API key secret with 256 random bits. */
    public static String generate() {
        return generate(PREFIX);
    }

    /** A new secret with 256 random bits, after {@code prefix}. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        // A generator made at the call, never one held in a static field: application classes of
        // a native executable are initialized when the image is built, so a static one would be
        // seeded once, at build time, for every process run from the image. The constructor is
        // cheap (the platform's generator reads the system's entropy source).
        new SecureRandom().nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
