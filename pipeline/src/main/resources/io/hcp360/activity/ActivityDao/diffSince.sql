-- What changed since run :since, whose activities hcp.activity holds, into the temporary table
-- activity_diff, as diff.sql lists it, but looking only where something can have changed:
-- the files staged again after that run (new or changed extracts) or gone since
-- (changed_file), and the activities with a copy in one of them (touched: which copy is kept
-- may change). The rows of every other file are staged as they were when run :since linked
-- them, so hcp.activity holds them as they are.
-- Only files that hold activities now, or held them in run :since (hcp.file_load.tables; null
-- for runs before it was recorded), can change hcp.activity: the other changed files (party
-- extracts) are left out, so that most nights scan no activity at all.
create temporary table changed_file on commit drop as
select f.system, f.file_name, f.path from hcp.staged_file f
left join hcp.file_load l on l.run_id = :since and l.system = f.system
  and l.file_name = f.file_name and l.path = f.path
where f.staged_run > :since
  and (f.tables is null or 'staged_activity' = any(f.tables)
       or (l.run_id is not null and (l.tables is null or 'staged_activity' = any(l.tables))))
union
select l.system, l.file_name, l.path from hcp.file_load l
where l.run_id = :since and (l.tables is null or 'staged_activity' = any(l.tables))
  and not exists (
    select 1 from hcp.staged_file f
    where f.system = l.system and f.file_name = l.file_name and f.path = l.path);
analyze changed_file;

create temporary table touched on commit drop as
select s.system, s.activity_type, s.activity_id
from hcp.staged_activity s join changed_file using (system, file_name, path)
where s.activity_id is not null
union
select a.system, a.activity_type, a.activity_id
from hcp.activity a join changed_file using (system, file_name, path)
where a.activity_id is not null;
analyze touched;

create temporary table activity_diff on commit drop as
select a.activity_key, s.path, s.line, s.row_hash
from (
  select distinct on (system, activity_type, activity_id,
      case when activity_id is null then path end, case when activity_id is null then line end)
    path, line, row_hash
  from (select s.* from hcp.staged_activity_row s join changed_file using (system, file_name, path)
        union all
        select s.* from hcp.staged_activity_row s
        join touched t using (system, activity_type, activity_id)
        where not exists (select 1 from changed_file f where f.system = s.system
                            and f.file_name = s.file_name and f.path = s.path)) c
  order by system, activity_type, activity_id,
    case when activity_id is null then path end, case when activity_id is null then line end,
    logged_at desc nulls last, path desc, line desc
) s
full join (select a.activity_key, a.row_hash from hcp.activity a
           join changed_file using (system, file_name, path)
           union
           select a.activity_key, a.row_hash from hcp.activity a
           join touched t using (system, activity_type, activity_id)
           union
           select activity_key, row_hash from hcp.activity where row_hash is null) a
  on a.row_hash = s.row_hash
where s.row_hash is null or a.activity_key is null
