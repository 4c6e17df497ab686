-- The server's first-page list query (RuntimePageQuery, no filter, limit 50 + 1), for pgbench; run it
-- with PGOPTIONS="-c enable_memoize=off", the session the server's connections get (bench/server.sh sets it).
-- PageStatementTest fails when the server's statement and this one differ.
select r.id as c1, r.key as c2, r.name as c3, r.description as c4, r.project_id as c5, p.key as c6,
       p.name as c7, r.status as c8, r.labels as c9, r.config_digest as c10,
       r.config_version as c11, r.owner_id as c12, u.name as c13, r.created_at as c14,
       r.updated_at as c15, s.id as c16, s.provider as c17, s.provider_sandbox_id as c18,
       s.sandbox_url as c19, s.state as c20, s.pause_reason as c21, s.created_at as c22,
       s.expires_at as c23, s.runtime_limit_seconds as c24, s.accumulated_micros as c25,
       s.running_since as c26, s.billed_credits as c27
  from runtimes r
  join projects p on p.id = r.project_id
  join users u on u.id = r.owner_id
  left join sandboxes s on s.id = r.current_sandbox_id
 where r.workspace_id = :ws
 order by r.created_at desc, r.id desc limit 51;
