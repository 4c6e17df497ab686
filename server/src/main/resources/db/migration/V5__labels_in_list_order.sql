-- A label filter reads its runtimes from the label rows in list order: each row carries its
-- runtime's workspace and creation time (neither ever changes), so one index walk finds exactly
-- the matching runtimes, newest first, however few or many there are (docs/list-query-plan.md).
alter table runtime_labels add column workspace_id uuid;
alter table runtime_labels add column created_at timestamp with time zone;

update runtime_labels
   set workspace_id = (select r.workspace_id from runtimes r where r.id = runtime_labels.runtime_id),
       created_at = (select r.created_at from runtimes r where r.id = runtime_labels.runtime_id);

alter table runtime_labels alter column workspace_id set not null;
alter table runtime_labels alter column created_at set not null;

drop index runtime_labels_by_pair;
create index runtime_labels_in_list_order
    on runtime_labels (workspace_id, key, value, created_at desc, runtime_id desc);
