-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

-- Where each replica's rate-limit buckets stood at its heartbeats (ratelimit.Settlement,
-- docs/operations.md "One quota across all replicas"): for the API keys it served since its
-- previous heartbeat, the tokens left of each quota that was not full. The other replicas read
-- what was published since their own previous heartbeat, and a replica that starts reads the last
-- window, so that its buckets begin where each key stands. A row older than the longest quota
-- window has refilled to full and is deleted by the next heartbeat of any replica.
create table rate_limit_levels (
    replica_id   uuid not null,
    api_key_id   uuid not null,
    quota        varchar(32) not null,
    tokens       bigint not null,
    published_at timestamp with time zone not null
);

create index rate_limit_levels_published_at on rate_limit_levels (published_at);
