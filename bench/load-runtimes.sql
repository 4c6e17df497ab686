-- Bulk path for benchmarks and query plans: fills workspace example/example (made by the
-- bootstrap, RUNTIMES_BOOTSTRAP_TOKEN) with :count runtimes and a second workspace with
-- :noise runtimes of noise, straight in SQL, in a couple of minutes.
--   psql -h 127.0.0.1 -U postgres -d runtimes_bench -v count=1000000 -v noise=200000 -f bench/load-runtimes.sql
-- The mix: 90 % idle, 7 % running, 3 % paused (with sandboxes), five projects, labels team/env.
\set ON_ERROR_STOP on
begin;

create temporary table ctx as
select o.id as org_id, w.id as ws_id, u.id as owner_id
  from organizations o
  join workspaces w on w.organization_id = o.id and w.slug = 'example'
  join users u on u.name = 'example'
 where o.slug = 'example';

insert into workspaces (id, organization_id, slug, name, created_at)
select gen_random_uuid(), org_id, 'noise', 'Noise', now() from ctx
on conflict do nothing;

insert into projects (id, workspace_id, key, name, is_default, created_at)
select gen_random_uuid(), w.id, 'default', 'Default', true, now()
  from workspaces w join ctx on w.organization_id = ctx.org_id
 where w.slug = 'noise'
on conflict do nothing;

insert into projects (id, workspace_id, key, name, is_default, created_at)
select gen_random_uuid(), ctx.ws_id, 'p' || g, 'Project ' || g, false, now()
  from ctx, generate_series(1, 4) g
on conflict do nothing;

create temporary table plan as
select g as n,
       gen_random_uuid() as id,
       w.id as ws_id,
       (select p.id from projects p where p.workspace_id = w.id
         order by p.key offset (g % (select count(*) from projects q where q.workspace_id = w.id)) limit 1) as project_id,
       timestamptz '2025-01-01 00:00:00+00' + g * interval '17 milliseconds' as created_at,
       case when g % 100 < 90 then 'idle' when g % 100 < 97 then 'running' else 'paused' end as status,
       (array['ml', 'web', 'data', 'infra'])[1 + g % 4] as team,
       case when g % 3 = 0 then 'prod' else 'staging' end as env
  from ctx
  join workspaces w on w.id = ctx.ws_id
  cross join generate_series(1, :count) g
union all
select g, gen_random_uuid(), w.id,
       (select p.id from projects p where p.workspace_id = w.id limit 1),
       timestamptz '2025-01-01 00:00:00+00' + g * interval '19 milliseconds',
       'idle', 'ml', 'prod'
  from ctx
  join workspaces w on w.organization_id = ctx.org_id and w.slug = 'noise'
  cross join generate_series(1, :noise) g;

-- The provider 'bench' is none the server runs: reconciliation at start and the sweeps, which ask
-- the configured provider about its own sandboxes, leave these recorded figures alone.
insert into sandboxes (id, runtime_id, organization_id, provider, provider_sandbox_id, sandbox_url, state,
                       pause_reason, created_at, expires_at, runtime_limit_seconds, accumulated_micros,
                       running_since, billed_credits)
select gen_random_uuid(), p.id, ctx.org_id, 'bench', 'bench-' || p.n, 'http://127.0.0.1:' || (20000 + p.n % 40000),
       p.status, case when p.status = 'paused' then 'timeout' end, p.created_at,
       case when p.status = 'running' then now() + interval '1 hour' end, 86400, 600000000,
       case when p.status = 'running' then now() - interval '10 minutes' end, 33
  from plan p, ctx
 where p.status <> 'idle';

insert into runtimes (id, workspace_id, project_id, key, name, description, owner_id, status, labels, config,
                      config_digest, config_version, current_sandbox_id, created_at, updated_at)
select p.id, p.ws_id, p.project_id, 'rt-' || p.n, 'Runtime ' || p.n, null, ctx.owner_id, p.status,
       '{"env":"' || p.env || '","team":"' || p.team || '"}',
       '{"resources":{"cpu_cores":2,"memory_mb":2048},"runtime_server":{"env":{}},"sandbox":{"timeout_seconds":3600},"version":"v2"}',
       'sha256:' || encode(sha256(convert_to('bench', 'UTF8')), 'hex'), 'v2',
       (select s.id from sandboxes s where s.runtime_id = p.id), p.created_at, p.created_at
  from plan p, ctx;

insert into runtime_labels (runtime_id, workspace_id, created_at, key, value)
select id, ws_id, created_at, 'team', team from plan
union all
select id, ws_id, created_at, 'env', env from plan;

commit;
analyze;
