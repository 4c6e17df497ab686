-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

-- The first completed answer to a create, start, reset or delete sent with an Idempotency-Key,
-- kept for 24 hours to be replayed. A row without a status is a request still running: the
-- unique key makes a second request with the same key find it, on any replica.
create table idempotency_keys (
    id              uuid primary key,
    api_key_id      uuid         not null references api_keys (id),
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64)  not null,
    status          integer,
    response_body   text,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    constraint idempotency_keys_unique unique (api_key_id, idempotency_key)
);

-- The hourly sweep deletes expired rows.
create index idempotency_keys_by_expiry on idempotency_keys (expires_at);
