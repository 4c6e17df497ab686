-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

create table organizations (
    id             uuid primary key,
    slug           varchar(63)  not null unique,
    name           varchar(200) not null,
    credit_balance bigint,
    member_limit   integer,
    created_at     timestamp with time zone not null
);

create table workspaces (
    id              uuid primary key,
    organization_id uuid         not null references organizations (id),
    slug            varchar(63)  not null,
    name            varchar(200) not null,
    created_at      timestamp with time zone not null,
    constraint workspaces_slug_unique unique (organization_id, slug)
);

create table projects (
    id           uuid primary key,
    workspace_id uuid         not null references workspaces (id),
    key          varchar(63)  not null,
    name         varchar(200) not null,
    is_default   boolean      not null,
    created_at   timestamp with time zone not null,
    constraint projects_key_unique unique (workspace_id, key)
);

create table users (
    id         uuid primary key,
    name       varchar(100) not null unique,
    created_at timestamp with time zone not null
);

create table memberships (
    organization_id uuid        not null references organizations (id),
    user_id         uuid        not null references users (id),
    role            varchar(16) not null check (role in ('owner', 'member')),
    created_at      timestamp with time zone not null,
    primary key (organization_id, user_id)
);

create table api_keys (
    id              uuid primary key,
    user_id         uuid         not null references users (id),
    name            varchar(100) not null,
    token_hash      varchar(64)  not null unique,
    organization_id uuid references organizations (id),
    workspace_id    uuid references workspaces (id),
    expires_at      timestamp with time zone,
    revoked_at      timestamp with time zone,
    created_at      timestamp with time zone not null
);

create table runtimes (
    id                 uuid primary key,
    workspace_id       uuid          not null references workspaces (id),
    project_id         uuid          not null references projects (id),
    key                varchar(63)   not null,
    name               varchar(100)  not null,
    description        varchar(1000),
    owner_id           uuid          not null references users (id),
    status             varchar(16)   not null check (status in ('idle', 'running', 'paused')),
    labels             varchar(20000) not null,
    config             varchar(20000) not null,
    config_digest      varchar(71)   not null,
    config_version     varchar(8)    not null,
    current_sandbox_id uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint runtimes_key_unique unique (workspace_id, key)
);

-- The list is a keyset walk, newest first; one index per filter keeps it an index scan.
create index runtimes_by_workspace on runtimes (workspace_id, created_at desc, id desc);
create index runtimes_by_status on runtimes (workspace_id, status, created_at desc, id desc);
create index runtimes_by_project on runtimes (workspace_id, project_id, created_at desc, id desc);
create index runtimes_by_owner on runtimes (workspace_id, owner_id, created_at desc, id desc);

create table runtime_labels (
    runtime_id uuid         not null references runtimes (id) on delete cascade,
    key        varchar(63)  not null,
    value      varchar(256) not null,
    primary key (runtime_id, key)
);

create index runtime_labels_by_pair on runtime_labels (key, value, runtime_id);

-- The sandbox ledger: rows are never deleted, so runtime_id is kept without a foreign key.
create table sandboxes (
    id                    uuid primary key,
    runtime_id            uuid         not null,
    organization_id       uuid         not null references organizations (id),
    provider              varchar(32)  not null,
    provider_sandbox_id   varchar(128) not null,
    sandbox_url           varchar(256),
    state                 varchar(16)  not null check (state in ('running', 'paused', 'killed')),
    pause_reason          varchar(32),
    created_at            timestamp with time zone not null,
    expires_at            timestamp with time zone,
    runtime_limit_seconds bigint,
    accumulated_micros    bigint       not null default 0,
    running_since         timestamp with time zone,
    billed_credits        bigint       not null default 0,
    killed_at             timestamp with time zone,
    kill_reason           varchar(200)
);

create index sandboxes_by_runtime on sandboxes (runtime_id, created_at);

alter table runtimes add constraint runtimes_current_sandbox foreign key (current_sandbox_id) references sandboxes (id);

-- Secrets the server generates once and every replica shares (e.g. the cursor signing key).
create table server_secrets (
    name       varchar(63)  primary key,
    value      varchar(200) not null,
    created_at timestamp with time zone not null
);
