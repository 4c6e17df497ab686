-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

-- A lifecycle transition claims its runtime for the time of its provider call, which runs outside
-- any transaction: a second transition on the same runtime sees the claim and is refused. A claim
-- older than any provider call can last is stale and may be taken over.
alter table runtimes add column claim_id uuid;
alter table runtimes add column claim_operation varchar(16);
alter table runtimes add column claimed_at timestamp with time zone;

-- The sandbox token is shown once at start; only its hex SHA-256 is kept.
alter table sandboxes add column token_hash varchar(64);

-- A start that failed is kept in the ledger as a killed sandbox, even when the provider never
-- gave it an id.
alter table sandboxes alter column provider_sandbox_id drop not null;

-- Reconciliation reads the sandboxes that should be alive.
create index sandboxes_by_state on sandboxes (state, provider);
