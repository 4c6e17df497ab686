package dev.runtimes.server.web.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.runtimes.server.api.model.UpdateOrganizationRequest;
import dev.runtimes.server.api.model.UpdateRuntimeRequest;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of every {@code PATCH} as an RFC 7396 merge patch: a member the body leaves out
 * stays as it is, a member sent as {@code null} is cleared. The generated models cannot tell an
 * absent member from a {@code null} one; Jackson calls a setter only for a member the body
 * carries, so these subclasses of the models remember which members they were given.
 */
@Singleton
public class MergePatches implements ObjectMapperCustomizer {

    @JsonDeserialize(as = OrganizationPatch.class)
    private abstract static class AsOrganizationPatch {}

    @JsonDeserialize(as = RuntimePatch.class)
    private abstract static class AsRuntimePatch {}

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(UpdateOrganizationRequest.class, AsOrganizationPatch.class);
        mapper.addMixIn(UpdateRuntimeRequest.class, AsRuntimePatch.class);
    }

    /** {@code updateOrganization}'s body (registered: a native executable keeps only registered setters). */
    @RegisterForReflection
    static final class OrganizationPatch extends UpdateOrganizationRequest {
        /** The members the body carried, by their JSON names. */
        private final Set<String> members = new HashSet<>();

        @Override
        public void setCreditBalance(Long creditBalance) {
            members.add("credit_balance");
            super.setCreditBalance(creditBalance);
        }

        @Override
        public void setMemberLimit(Integer memberLimit) {
            members.add("member_limit");
            super.setMemberLimit(memberLimit);
        }

        @Override
        public void setMaxRuntimeLimitSeconds(Integer maxRuntimeLimitSeconds) {
            members.add("max_runtime_limit_seconds");
            super.setMaxRuntimeLimitSeconds(maxRuntimeLimitSeconds);
        }

        @Override
        public void setDefaultRuntimeLimitSeconds(Integer defaultRuntimeLimitSeconds) {
            members.add("default_runtime_limit_seconds");
            super.setDefaultRuntimeLimitSeconds(defaultRuntimeLimitSeconds);
        }

        boolean has(String member) {
            return members.contains(member);
        }
    }

    /** {@code updateRuntime}'s body. */
    @RegisterForReflection
    static final class RuntimePatch extends UpdateRuntimeRequest {
        /** The members the body carried, by their JSON names. */
        private final Set<String> members = new HashSet<>();

        @Override
        public void setName(String name) {
            members.add("name");
            super.setName(name);
        }

        @Override
        public void setDescription(String description) {
            members.add("description");
            super.setDescription(description);
        }

        @Override
        public void setLabels(Map<String, String> labels) {
            members.add("labels");
            super.setLabels(labels);
        }

        boolean has(String member) {
            return members.contains(member);
        }
    }
}
