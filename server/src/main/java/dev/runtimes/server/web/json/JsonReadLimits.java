package dev.runtimes.server.web.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Refuses request bodies nested deeper than any body of the spec can be: the deepest,
 * {@code config.runtime_server.env} of {@code CreateRuntimeRequest}, is 3 objects deep. A deeper
 * body is 400 before it is bound, however it is nested (arrays too), so a hostile body cannot
 * make the parser recurse far.
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {
    public static final int MAX_NESTING_DEPTH = 16;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build());
    }
}
