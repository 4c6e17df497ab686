-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

-- Each workspace's event counter. A change takes the next number last in its transaction, with
-- this row locked until it commits: the workspace's changes get their numbers in commit order, so
-- a reader that follows the numbers never passes one that commits later (events.EventLog).
-- purged_seq: the highest number the retention purge deleted; a cursor below it is expired.
create table event_sequences (
    workspace_id uuid primary key,
    last_seq     bigint not null,
    purged_seq   bigint not null
);

-- What happened to the runtimes of a workspace, in the order of event_sequences. runtime is the
-- runtime's list row (JSON) right after the change, null once it is deleted.
create table runtime_events (
    workspace_id uuid not null,
    seq          bigint not null,
    id           uuid not null,
    type         varchar(64) not null,
    occurred_at  timestamp with time zone not null,
    runtime_id   uuid not null,
    runtime_key  varchar(63) not null,
    actor        varchar(200) not null,
    pause_reason varchar(32),
    runtime      text,
    primary key (workspace_id, seq)
);

create index runtime_events_by_time on runtime_events (occurred_at);
