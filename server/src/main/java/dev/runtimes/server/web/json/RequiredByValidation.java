package dev.runtimes.server.web.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Leaves required body properties to Bean Validation. The generated models mark them
 * {@code @JsonProperty(required = true)}, which makes Jackson fail without saying which field
 * was missing; ignored here, an absent property reaches {@code @NotNull} and is reported as a
 * 422 with its {@code loc}, like every other rule of the spec.
 */
@Singleton
public class RequiredByValidation implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasRequiredMarker(AnnotatedMember member) {
                return Boolean.FALSE;
            }
        });
    }
}
