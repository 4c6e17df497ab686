-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

-- Each replica's heartbeat: the replicas seen recently share every API key's quota
-- (ratelimit.LiveReplicas, docs/operations.md "Rate limits"). A row unseen for the
-- replica timeout is no longer counted; ten timeouts unseen, the next heartbeat of any
-- replica deletes it.
create table rate_limit_replicas (
    replica_id uuid primary key,
    seen_at    timestamp with time zone not null
);
