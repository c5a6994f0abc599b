-- Golden IDs of this run (hcp.golden_record) against the current publish (publish.hcp).
insert into hcp.publish_change (run_id, previous_run, previous_ids, current_ids, kept_ids,
  new_ids, retired_ids)
select :runId, (select run_id from publish.published_run),
  count(p.golden_id), count(g.golden_id),
  count(*) filter (where p.golden_id is not null and g.golden_id is not null),
  count(*) filter (where p.golden_id is null),
  count(*) filter (where g.golden_id is null)
from publish.hcp p full join hcp.golden_record g on g.golden_id = p.golden_id
