package dev.runtimes.server.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a list position, or a position in an event feed, into an opaque cursor and back. The cursor carries the position at
 * microsecond precision and a MAC over the position, the workspace and the filters, so a cursor
 * that was altered, truncated, or issued for another workspace or other filters is refused.
 */
public final class CursorCodec {
    private static final byte VERSION = 1;
    private static final byte EVENTS_VERSION = 2;
    private static final String EVENTS = "events";
    private static final int MAC_BYTES = 16;
    private static final int LENGTH = 1 + Long.BYTES + 2 * Long.BYTES + MAC_BYTES;
    private static final int EVENTS_LENGTH = 1 + Long.BYTES + MAC_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public CursorCodec(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String encode(Keyset position, UUID workspaceId, RuntimeFilter filter) {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        buffer.put(VERSION)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, position.createdAt()))
                .putLong(position.id().getMostSignificantBits())
                .putLong(position.id().getLeastSignificantBits());
        buffer.put(mac(buffer.array(), LENGTH - MAC_BYTES, workspaceId, filter.canonical()));
        return ENCODER.encodeToString(buffer.array());
    }

    /** A position in a workspace's event feed: after the event numbered {@code seq}. */
    public String encodeEvents(long seq, UUID workspaceId) {
        ByteBuffer buffer = ByteBuffer.allocate(EVENTS_LENGTH);
        buffer.put(EVENTS_VERSION).putLong(seq);
        buffer.put(mac(buffer.array(), EVENTS_LENGTH - MAC_BYTES, workspaceId, EVENTS));
        return ENCODER.encodeToString(buffer.array());
    }

    /** The event number in the cursor, or empty when it is not a feed cursor of the workspace. */
    public Optional<Long> decodeEvents(String cursor, UUID workspaceId) {
        return verified(cursor, EVENTS_VERSION, EVENTS_LENGTH, workspaceId, EVENTS)
                .map(bytes -> ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong());
    }

    /** The position in the cursor, or empty when the cursor is not one of ours for this list. */
    public Optional<Keyset> decode(String cursor, UUID workspaceId, RuntimeFilter filter) {
        return verified(cursor, VERSION, LENGTH, workspaceId, filter.canonical())
                .map(bytes -> {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1 - MAC_BYTES);
                    Instant createdAt = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
                    return new Keyset(createdAt, new UUID(buffer.getLong(), buffer.getLong()));
                });
    }

    /** The cursor's bytes when it is one of ours of that version, for that workspace and context. */
    private Optional<byte[]> verified(String cursor, byte version, int length, UUID workspaceId, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // The decoder ignores the unused low bits of the last character: another spelling of the
        // same bytes is an altered cursor too.
        if (!ENCODER.encodeToString(bytes).equals(cursor)) {
            return Optional.empty();
        }
        if (bytes.length != length || bytes[0] != version) {
            return Optional.empty();
        }
        byte[] expected = mac(bytes, length - MAC_BYTES, workspaceId, context);
        byte[] actual = Arrays.copyOfRange(bytes, length - MAC_BYTES, length);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(bytes) : Optional.empty();
    }

    private byte[] mac(byte[] payload, int length, UUID workspaceId, String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(payload, 0, length);
            mac.update(workspaceId.toString().getBytes(StandardCharsets.UTF_8));
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
