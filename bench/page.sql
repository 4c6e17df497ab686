-- The server's first-page list query (RuntimePageQuery, no filter, limit 50 + 1), for pgbench; run it
-- with PGOPTIONS="-c enable_memoize=off", the session the server's connections get (bench/server.sh sets it).
select r.id, r.key, r.name, r.description, r.project_id, p.key, p.name, r.status,
       r.labels, r.config_digest, r.config_version, r.owner_id, u.name,
       r.created_at, r.updated_at,
       s.id, s.provider, s.provider_sandbox_id, s.sandbox_url, s.state, s.pause_reason,
       s.created_at, s.expires_at, s.runtime_limit_seconds, s.accumulated_micros,
       s.running_since, s.billed_credits
  from runtimes r
  join projects p on p.id = r.project_id
  join users u on u.id = r.owner_id
  left join sandboxes s on s.id = r.current_sandbox_id
 where r.workspace_id = :ws
 order by r.created_at desc, r.id desc limit 51;
