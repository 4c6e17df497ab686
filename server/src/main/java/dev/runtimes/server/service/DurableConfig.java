package dev.runtimes.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A runtime's durable configuration with every default filled in, so an absent configuration
 * and an explicit all-defaults one have the same canonical form and digest.
 */
public record DurableConfig(
        String version, int timeoutSeconds, int cpuCores, int memoryMb, SortedMap<String, String> env) {
    public static final String VERSION = "v2";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static DurableConfig defaults() {
        return new DurableConfig(VERSION, 3600, 2, 2048, new TreeMap<>());
    }

    /** The canonical JSON: sorted keys, no spaces, spec names. */
    public String canonicalJson() {
        Map<String, Object> tree = Map.of(
                "version", version,
                "sandbox", Map.of("timeout_seconds", timeoutSeconds),
                "resources", Map.of("cpu_cores", cpuCores, "memory_mb", memoryMb),
                "runtime_server", Map.of("env", env));
        try {
            return CANONICAL.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
    }

    /** {@code sha256:} and the hex SHA-256 of the canonical JSON. */
    public String digest() {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
