-- The review band of this run as queue items, keyed by the two source records in code-point
-- order: a new pair gets a new item; a queued pair keeps its item, updated with this run's score
-- and explanation; an item that had left the band is open again. Thresholds are the pair's
-- market's when both records are of one market that has its own (:markets, {"DE": [m, r]}).
insert into hcp.review_item as i (left_system, left_source_id, right_system, right_source_id,
  source_pair, left_country, right_country, origin, status, first_run_id, last_run_id, score,
  probability, match_threshold, review_threshold, levels, weights, rule_set)
select k.left_system, k.left_source_id, k.right_system, k.right_source_id,
  least(k.left_system, k.right_system) || '-' || greatest(k.left_system, k.right_system),
  k.left_country, k.right_country, 'match', 'open', :runId, :runId, k.score, k.probability,
  coalesce(t.match, :match), coalesce(t.review, :review), k.levels, k.weights, k.rule_set
from (
  select case when s.swap then r.system else l.system end as left_system,
    case when s.swap then r.source_id else l.source_id end as left_source_id,
    case when s.swap then l.system else r.system end as right_system,
    case when s.swap then l.source_id else r.source_id end as right_source_id,
    case when s.swap then r.country else l.country end as left_country,
    case when s.swap then l.country else r.country end as right_country,
    mp.score, mp.probability, mp.levels, mp.weights, mp.rule_set
  from hcp.scored_pair mp
  -- Each pair's two records looked up by key: the band holds thousands of pairs, and a join
  -- was planned as two scans of every record (offset 0 keeps the look-ups as they are written).
  cross join lateral (select system, source_id, country from hcp.party
                      where party_id = mp.left_id offset 0) l
  cross join lateral (select system, source_id, country from hcp.party
                      where party_id = mp.right_id offset 0) r
  cross join lateral (
    select (l.system collate "C", l.source_id collate "C")
         > (r.system collate "C", r.source_id collate "C") as swap) s
  where mp.decision = 'review'
) k
left join lateral (
  select (m.value ->> 0)::float8 as match, (m.value ->> 1)::float8 as review
  from jsonb_each(cast(:markets as jsonb)) m
  where k.left_country = k.right_country and m.key = k.left_country
) t on true
on conflict (left_system, left_source_id, right_system, right_source_id) do update set
  last_run_id = excluded.last_run_id, score = excluded.score,
  probability = excluded.probability, match_threshold = excluded.match_threshold,
  review_threshold = excluded.review_threshold, levels = excluded.levels,
  weights = excluded.weights,
  rule_set = excluded.rule_set, left_country = excluded.left_country,
  right_country = excluded.right_country,
  status = case when i.status = 'gone' then 'open' else i.status end
