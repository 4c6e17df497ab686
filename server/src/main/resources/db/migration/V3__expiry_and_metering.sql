-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

-- An organization's own levels of the runtime limit, within the platform's; null: the platform's.
alter table organizations add column max_runtime_limit_seconds bigint;
alter table organizations add column default_runtime_limit_seconds bigint;

-- The pause sweep looks for running sandboxes whose expires_at has passed.
create index sandboxes_by_expiry on sandboxes (state, expires_at);
