package dev.runtimes.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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
    private static final int DEFAULT_TIMEOUT_SECONDS = 3600;
    private static final int DEFAULT_CPU_CORES = 2;
    private static final int DEFAULT_MEMORY_MB = 2048;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static DurableConfig defaults() {
        return of(null, null, null, null, null);
    }

    /** The configuration with the spec's default for every value that is {@code null}. */
    public static DurableConfig of(
            String version, Integer timeoutSeconds, Integer cpuCores, Integer memoryMb, Map<String, String> env) {
        return new DurableConfig(
                version == null ? VERSION : version,
                timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds,
                cpuCores == null ? DEFAULT_CPU_CORES : cpuCores,
                memoryMb == null ? DEFAULT_MEMORY_MB : memoryMb,
                env == null ? new TreeMap<>() : new TreeMap<>(env));
    }

    /** Reads back the {@link #canonicalJson()} a runtime keeps. */
    public static DurableConfig parse(String canonicalJson) {
        try {
            JsonNode tree = CANONICAL.readTree(canonicalJson);
            SortedMap<String, String> env = new TreeMap<>();
            tree.path("runtime_server")
                    .path("env")
                    .fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            return new DurableConfig(
                    tree.path("version").asText(),
                    tree.path("sandbox").path("timeout_seconds").asInt(),
                    tree.path("resources").path("cpu_cores").asInt(),
                    tree.path("resources").path("memory_mb").asInt(),
                    env);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored configuration is not JSON", e);
        }
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
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
