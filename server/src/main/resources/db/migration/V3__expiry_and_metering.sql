-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

-- An organization's own levels of the runtime limit, within the platform's; null: the platform's.
alter table organizations add column max_runtime_limit_seconds bigint;
alter table organizations add column default_runtime_limit_seconds bigint;

-- The pause sweep looks for running sandboxes whose expires_at has passed.
create index sandboxes_by_expiry on sandboxes (state, expires_at);

-- When the sandbox was last charged: a round of the metering sweep skips the sandboxes another
-- replica has charged in the same round.
alter table sandboxes add column metered_at timestamp with time zone;

-- The credit ledger: one usage row per charge of a sandbox's running time, written in the same
-- transaction that adds the credits to the sandbox's billed_credits and takes them from the
-- organization's balance. The sum of a sandbox's rows is its billed_credits.
create table credit_ledger (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id),
    sandbox_id      uuid        not null references sandboxes (id),
    cause           varchar(16) not null check (cause in ('metering', 'pause', 'kill')),
    credits         bigint      not null check (credits > 0),
    created_at      timestamp with time zone not null
);

create index credit_ledger_by_sandbox on credit_ledger (sandbox_id);
create index credit_ledger_by_organization on credit_ledger (organization_id, created_at);
