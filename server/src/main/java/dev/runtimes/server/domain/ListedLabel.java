package dev.runtimes.server.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/**
 * The value of one label of a runtime, with the runtime's workspace and creation time: the label
 * filter walks these rows in list order (docs/list-query-plan.md).
 */
@Embeddable
public class ListedLabel {
    public String value;

    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Column(name = "created_at")
    public Instant createdAt;

    protected ListedLabel() {}

    public ListedLabel(String value, Runtime runtime) {
        this.value = value;
        this.workspaceId = runtime.workspaceId;
        this.createdAt = runtime.createdAt;
    }
}
