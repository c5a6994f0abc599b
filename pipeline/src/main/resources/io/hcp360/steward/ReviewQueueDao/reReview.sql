-- Decisions flagged for re-review come back in the queue: on the pair's item if it has one (an
-- approval or rejection), else on a new item (a link, split or unmerge).
insert into hcp.review_item as i (left_system, left_source_id, right_system, right_source_id,
  source_pair, left_country, right_country, origin, status, first_run_id, last_run_id,
  match_threshold, review_threshold, decision_id)
select d.left_system, d.left_source_id, d.right_system, d.right_source_id,
  least(d.left_system, d.right_system) || '-' || greatest(d.left_system, d.right_system),
  l.country, r.country, 'decision', 'needs_review', :runId, :runId,
  coalesce(t.match, :match), coalesce(t.review, :review), d.decision_id
from hcp.steward_decision d
left join hcp.party l on l.system = d.left_system and l.source_id = d.left_source_id
left join hcp.party r on r.system = d.right_system and r.source_id = d.right_source_id
left join lateral (
  select (m.value ->> 0)::float8 as match, (m.value ->> 1)::float8 as review
  from jsonb_each(cast(:markets as jsonb)) m
  where l.country = r.country and m.key = l.country
) t on true
where d.status = 'needs_review'
on conflict (left_system, left_source_id, right_system, right_source_id) do update set
  status = 'needs_review', decision_id = excluded.decision_id,
  last_run_id = greatest(i.last_run_id, excluded.last_run_id)
