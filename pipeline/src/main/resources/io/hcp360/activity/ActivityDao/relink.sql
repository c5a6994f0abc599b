-- Adds to activity_diff the activities hcp.activity keeps of the source records changed
-- (hcp.party_change: added, changed, deleted) or regrouped (hcp.cluster_change) by the runs
-- after :since, to be removed and linked again: their golden HCP, or why they have none, may
-- have changed. Their staged row is the same (path, line and md5 as held).
insert into activity_diff (activity_key, path, line, row_hash)
select a.activity_key, a.path, a.line, a.row_hash
from (select k.system, k.source_id from hcp.party_key k
      where k.party_id in (select party_id from hcp.party_change where run_id > :since
                           union
                           select party_id from hcp.cluster_change where run_id > :since)) r
join hcp.activity a on a.system = r.system and a.party_source_id = r.source_id
where not exists (select 1 from activity_diff d where d.activity_key = a.activity_key)
