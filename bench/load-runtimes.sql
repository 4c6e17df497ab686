-- Bulk path for benchmarks and query plans, straight in SQL, into a database the server has
-- migrated and bootstrapped (org example, workspace example, user example: RUNTIMES_BOOTSTRAP_TOKEN).
-- Run it once, on a fresh database:
--   psql -h 127.0.0.1 -U postgres -d runtimes_bench -v count=1000000 -f bench/load-runtimes.sql
-- Every list case of bench/run.sh has its data here, at :count runtimes a large workspace:
--   example/example  :count runtimes, half running (with sandboxes), half idle, none paused; labels
--                    team and env. A share (none, one runtime, 0.1 %, 1 %, half) of them is in project
--                    share-<share>, owned by user bench-<share> (API key bench-token-<share>) and
--                    labelled share:<share>; the rest are in the default project, owned by example.
--   example/sparse   :sparse runtimes (:count unless set), 0.1 % running, 1 % paused, the rest idle.
--   example/noise    :noise runtimes (200,000 unless set), all idle but one running; team and env.
--   example/small-N  :small_workspaces workspaces (10,000 unless set) of :small_size runtimes (100), idle.
\set ON_ERROR_STOP on
\if :{?sparse} \else \set sparse :count \endif
\if :{?noise} \else \set noise 200000 \endif
\if :{?small_workspaces} \else \set small_workspaces 10000 \endif
\if :{?small_size} \else \set small_size 100 \endif
-- The server process does the work: it gets the priority of the psql that sends it (nice -n 10 psql ...).
select pg_backend_pid() as backend \gset
\setenv BACKEND :backend
\! renice -n "$(ps -o nice= -p $PPID)" -p "$BACKEND" >/dev/null 2>&1 || true
begin;
-- The rows are consistent by construction: no foreign key checks row by row, and the secondary
-- indexes are built once at the end (sorted) instead of row by row. psql reads this file as it
-- runs it: leave it unchanged until the load is over.
set local session_replication_role = replica;
set local maintenance_work_mem = '1GB';
create temporary table secondary_indexes as
select indexname, indexdef from pg_indexes i
 where schemaname = current_schema() and tablename in ('runtimes', 'runtime_labels', 'sandboxes')
   and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
do $$ declare i record; begin
    for i in select indexname from secondary_indexes loop execute 'drop index ' || quote_ident(i.indexname); end loop;
end $$;

create temporary table ctx as
select o.id as org_id, w.id as ws_id, u.id as owner_id
  from organizations o
  join workspaces w on w.organization_id = o.id and w.slug = 'example'
  join users u on u.name = 'example'
 where o.slug = 'example';

-- The workspaces and their default projects; layout says what fills each.
create temporary table layout (ws_id uuid, kind text, size int, step interval, project_id uuid);
insert into workspaces (id, organization_id, slug, name, created_at)
select gen_random_uuid(), org_id, slug, initcap(slug), now()
  from ctx, (values ('sparse'), ('noise')) v(slug)
union all
select gen_random_uuid(), org_id, 'small-' || i, 'Small ' || i, now()
  from ctx, generate_series(1, :small_workspaces) i;
insert into layout
select w.id, 'shares', :count, interval '17 milliseconds'
  from workspaces w join ctx on w.id = ctx.ws_id
union all
select w.id, case when w.slug like 'small-%' then 'small' else w.slug end,
       case w.slug when 'sparse' then :sparse when 'noise' then :noise else :small_size end,
       case w.slug when 'sparse' then interval '13 milliseconds' when 'noise' then interval '19 milliseconds'
                   else interval '1 second' end
  from workspaces w join ctx on w.organization_id = ctx.org_id and w.id <> ctx.ws_id;
insert into projects (id, workspace_id, key, name, is_default, created_at)
select gen_random_uuid(), ws_id, 'default', 'Default', true, now() from layout where kind <> 'shares';
update layout l set project_id = p.id from projects p where p.workspace_id = l.ws_id and p.key = 'default';

-- The shares of workspace example: a project, a user with an API key, a label value each.
create temporary table shares as
select share, gen_random_uuid() as project_id, gen_random_uuid() as user_id
  from unnest(array['none', 'one', 'pct01', 'pct1', 'half']) share;
insert into projects (id, workspace_id, key, name, is_default, created_at)
select project_id, ws_id, 'share-' || share, 'Share ' || share, false, now() from shares, ctx;
insert into users (id, name, created_at) select user_id, 'bench-' || share, now() from shares;
insert into memberships (organization_id, user_id, role, created_at)
select org_id, user_id, 'member', now() from shares, ctx;
insert into api_keys (id, user_id, name, token_hash, created_at)
select gen_random_uuid(), user_id, 'bench', encode(sha256(convert_to('bench-token-' || share, 'UTF8')), 'hex'), now()
  from shares;

-- Every runtime, computed (its ids from its place, so each of the inserts below sees the same).
create temporary view plan as
select id, n, ws_id, status, share, created_at, labelled,
       case when status <> 'idle' then md5('sandbox ' || id)::uuid end as sandbox_id,
       coalesce(s.project_id, x.default_project_id) as project_id,
       coalesce(s.user_id, (select owner_id from ctx)) as owner_id,
       (array['ml', 'web', 'data', 'infra'])[1 + n % 4] as team,
       case when n % 3 = 0 then 'prod' else 'staging' end as env
  from (select md5(l.ws_id || ' ' || g)::uuid as id, g as n, l.ws_id, l.project_id as default_project_id,
               l.kind in ('shares', 'noise') as labelled,
               timestamptz '2025-01-01 00:00:00+00' + g * l.step as created_at,
               case l.kind
                   when 'shares' then case when g % 2 = 0 then 'running' else 'idle' end
                   when 'sparse' then case when g % 1000 = 7 then 'running' when g % 100 = 3 then 'paused' else 'idle' end
                   when 'noise' then case when g = l.size / 2 then 'running' else 'idle' end
                   else 'idle' end as status,
               case when l.kind = 'shares' then
                   case when g = l.size / 2 + 5 then 'one' when g % 1000 = 3 then 'pct01' when g % 100 = 1 then 'pct1'
                        when g % 2 = 0 then 'half' end end as share
          from layout l cross join lateral generate_series(1, l.size) g) x
  left join shares s using (share);

-- The provider 'bench' is none the server runs: reconciliation at start and the sweeps, which ask
-- the configured provider about its own sandboxes, leave these recorded figures alone.
insert into sandboxes (id, runtime_id, organization_id, provider, provider_sandbox_id, sandbox_url, state,
                       pause_reason, created_at, expires_at, runtime_limit_seconds, accumulated_micros,
                       running_since, billed_credits)
select p.sandbox_id, p.id, ctx.org_id, 'bench', 'bench-' || p.n, 'http://127.0.0.1:' || (20000 + p.n % 40000),
       p.status, case when p.status = 'paused' then 'timeout' end, p.created_at,
       case when p.status = 'running' then now() + interval '1 hour' end, 86400, 600000000,
       case when p.status = 'running' then now() - interval '10 minutes' end, 33
  from plan p, ctx
 where p.status <> 'idle';

insert into runtimes (id, workspace_id, project_id, key, name, description, owner_id, status, labels, config,
                      config_digest, config_version, current_sandbox_id, created_at, updated_at)
select p.id, p.ws_id, p.project_id, 'rt-' || p.n, 'Runtime ' || p.n, null, p.owner_id, p.status,
       case when p.labelled then '{"env":"' || p.env || '",' || coalesce('"share":"' || p.share || '",', '')
                                  || '"team":"' || p.team || '"}' else '{}' end,
       '{"resources":{"cpu_cores":2,"memory_mb":2048},"runtime_server":{"env":{}},"sandbox":{"timeout_seconds":3600},"version":"v2"}',
       'sha256:' || encode(sha256(convert_to('bench', 'UTF8')), 'hex'), 'v2',
       p.sandbox_id, p.created_at, p.created_at
  from plan p;

insert into runtime_labels (runtime_id, workspace_id, created_at, key, value)
select p.id, p.ws_id, p.created_at, v.key, v.value
  from plan p cross join lateral (values ('team', p.team), ('env', p.env), ('share', p.share)) v(key, value)
 where p.labelled and v.value is not null;

do $$ declare i record; begin
    for i in select indexdef from secondary_indexes loop execute i.indexdef; end loop;
end $$;
commit;
analyze;
