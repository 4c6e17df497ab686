package dev.runtimes.server.web.resource;

import dev.runtimes.server.api.OperatorsApi;
import dev.runtimes.server.api.model.AddMemberRequest;
import dev.runtimes.server.api.model.ApiKeyCreated;
import dev.runtimes.server.api.model.CreateApiKeyRequest;
import dev.runtimes.server.api.model.CreateOrganizationRequest;
import dev.runtimes.server.api.model.CreateProjectRequest;
import dev.runtimes.server.api.model.CreateUserRequest;
import dev.runtimes.server.api.model.CreateWorkspaceRequest;
import dev.runtimes.server.api.model.MemberRecord;
import dev.runtimes.server.api.model.MemberRole;
import dev.runtimes.server.api.model.Organization;
import dev.runtimes.server.api.model.ProjectRecord;
import dev.runtimes.server.api.model.UpdateOrganizationRequest;
import dev.runtimes.server.api.model.UserRecord;
import dev.runtimes.server.api.model.WorkspaceRecord;
import dev.runtimes.server.tenancy.OperatorService;
import dev.runtimes.server.tenancy.OperatorService.OrganizationSettings;
import dev.runtimes.server.web.conformance.SentMembers;
import dev.runtimes.server.web.json.UtcDateTimes;
import java.time.Instant;
import java.util.UUID;

/** HTTP side of the operator surface; the operator token was checked by {@link AuthenticationFilter}. */
public class OperatorsResource implements OperatorsApi {
    private final OperatorService operators;
    private final SentMembers sent;

    OperatorsResource(OperatorService operators, SentMembers sent) {
        this.operators = operators;
        this.sent = sent;
    }

    @Override
    public Organization createOrganization(CreateOrganizationRequest request) {
        return organization(operators.createOrganization(
                request.getSlug(),
                request.getName(),
                new OrganizationSettings(
                        request.getCreditBalance(),
                        request.getMemberLimit(),
                        seconds(request.getMaxRuntimeLimitSeconds()),
                        seconds(request.getDefaultRuntimeLimitSeconds()))));
    }

    @Override
    public Organization updateOrganization(String org, UpdateOrganizationRequest request) {
        return organization(operators.updateOrganization(
                org,
                new OrganizationSettings(
                        request.getCreditBalance(),
                        request.getMemberLimit(),
                        seconds(request.getMaxRuntimeLimitSeconds()),
                        seconds(request.getDefaultRuntimeLimitSeconds())),
                new OrganizationSettings.Given(
                        sent.has("credit_balance"),
                        sent.has("member_limit"),
                        sent.has("max_runtime_limit_seconds"),
                        sent.has("default_runtime_limit_seconds"))));
    }

    @Override
    public WorkspaceRecord createWorkspace(String org, CreateWorkspaceRequest request) {
        OperatorService.CreatedWorkspace created = operators.createWorkspace(org, request.getSlug(), request.getName());
        return new WorkspaceRecord()
                .id(created.workspace().id())
                .org(org)
                .slug(created.workspace().slug())
                .name(created.workspace().name())
                .defaultProjectId(created.defaultProjectId())
                .createdAt(UtcDateTimes.of(created.workspace().createdAt()));
    }

    @Override
    public ProjectRecord createProject(String org, String workspace, CreateProjectRequest request) {
        var project = operators.createProject(org, workspace, request.getKey(), request.getName());
        return new ProjectRecord()
                .id(project.id())
                .key(project.key())
                .name(project.name())
                .isDefault(project.isDefault())
                .createdAt(UtcDateTimes.of(project.createdAt()));
    }

    @Override
    public UserRecord createUser(CreateUserRequest request) {
        var user = operators.createUser(request.getName());
        return new UserRecord().id(user.id()).name(user.name()).createdAt(UtcDateTimes.of(user.createdAt()));
    }

    @Override
    public MemberRecord addMember(String org, AddMemberRequest request) {
        var membership =
                operators.addMember(org, request.getUserId(), request.getRole().toString());
        return new MemberRecord()
                .userId(membership.userId())
                .org(org)
                .role(MemberRole.fromValue(membership.role()))
                .createdAt(UtcDateTimes.of(membership.createdAt()));
    }

    @Override
    public ApiKeyCreated createApiKey(UUID userId, CreateApiKeyRequest request) {
        Instant expiresAt =
                request.getExpiresAt() == null ? null : request.getExpiresAt().toInstant();
        OperatorService.IssuedKey issued =
                operators.issueApiKey(userId, request.getName(), request.getOrg(), request.getWorkspace(), expiresAt);
        return new ApiKeyCreated()
                .id(issued.key().id())
                .name(issued.key().name())
                .token(issued.token())
                .org(request.getOrg())
                .workspace(request.getWorkspace())
                .expiresAt(UtcDateTimes.of(issued.key().expiresAt()))
                .createdAt(UtcDateTimes.of(issued.key().createdAt()));
    }

    @Override
    public void revokeApiKey(UUID keyId) {
        operators.revokeApiKey(keyId);
    }

    private static Organization organization(dev.runtimes.server.domain.Organization org) {
        return new Organization()
                .id(org.id)
                .slug(org.slug)
                .name(org.name)
                .creditBalance(org.creditBalance)
                .memberLimit(org.memberLimit)
                .maxRuntimeLimitSeconds(seconds(org.maxRuntimeLimitSeconds))
                .defaultRuntimeLimitSeconds(seconds(org.defaultRuntimeLimitSeconds))
                .createdAt(UtcDateTimes.of(org.createdAt));
    }

    private static Long seconds(Integer seconds) {
        return seconds == null ? null : seconds.longValue();
    }

    private static Integer seconds(Long seconds) {
        return seconds == null ? null : Math.toIntExact(seconds);
    }
}
