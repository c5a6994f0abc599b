-- The run's activities against what hcp.activity holds, into the temporary table activity_diff:
-- each activity to link (the staged row kept of it: path, line and the md5 of its values) that
-- hcp.activity does not hold as it is, and each activity hcp.activity holds (activity_key) that
-- the run does not stage as it is any more: new, changed and gone activities. After hcp.activity
-- was emptied (a full run), every activity of the run.
-- Duplicates (same system, activity_type and activity_id) keep the most recently logged, then
-- the one read last; an activity without an activity_id is never a duplicate (its file and line
-- tell it apart). The md5 covers where the row was read, so the copy kept is compared too.
create temporary table activity_diff on commit drop as
select a.activity_key, s.path, s.line, s.row_hash
from (
  select distinct on (system, activity_type, activity_id,
      case when activity_id is null then path end, case when activity_id is null then line end)
    path, line, row_hash
  from hcp.staged_activity_row
  order by system, activity_type, activity_id,
    case when activity_id is null then path end, case when activity_id is null then line end,
    logged_at desc nulls last, path desc, line desc
) s
full join hcp.activity a on a.row_hash = s.row_hash
where s.row_hash is null or a.activity_key is null
