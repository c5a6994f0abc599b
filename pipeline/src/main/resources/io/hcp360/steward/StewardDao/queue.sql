-- The merge queue: items of the statuses asked for, filtered; re-review items first, skipped
-- ones last, then most useful first (closest to the match threshold, then the most published
-- records joined) or most informative first (match probability nearest 0.5).
select i.item_id, i.status, i.left_system, i.left_source_id, i.right_system, i.right_source_id,
  ln.name as left_name, rn.name as right_name, i.source_pair,
  case when i.left_country = i.right_country then i.left_country
       else nullif(concat_ws('/', i.left_country, i.right_country), '') end as market,
  i.score, i.probability, i.match_threshold, i.review_threshold,
  case when lg.golden_id is not null and lg.golden_id = rg.golden_id then 0
       else coalesce(lg.records, 1) + coalesce(rg.records, 1) end as records_joined,
  case when i.status = 'needs_review' then d.review_reason end as review_reason,
  i.first_run_id, i.last_run_id
from hcp.review_item i
left join lateral (
  select x.golden_id, (select count(*) from publish.hcp_xref y where y.golden_id = x.golden_id)
    as records
  from publish.hcp_xref x where x.source = i.left_system and x.source_id = i.left_source_id
) lg on true
left join lateral (
  select x.golden_id, (select count(*) from publish.hcp_xref y where y.golden_id = x.golden_id)
    as records
  from publish.hcp_xref x where x.source = i.right_system and x.source_id = i.right_source_id
) rg on true
left join lateral (
  select nullif(concat_ws(' ', p.first_name, p.last_name), '') as name from hcp.party p
  where p.system = i.left_system and p.source_id = i.left_source_id
) ln on true
left join lateral (
  select nullif(concat_ws(' ', p.first_name, p.last_name), '') as name from hcp.party p
  where p.system = i.right_system and p.source_id = i.right_source_id
) rn on true
left join hcp.steward_decision d on d.decision_id = i.decision_id
where i.status = any(cast(:statuses as text[]))
  and (cast(:itemId as bigint) is null or i.item_id = :itemId)
  and (cast(:market as text) is null or :market in (i.left_country, i.right_country))
  and (cast(:sourcePair as text) is null or i.source_pair = :sourcePair)
  and (cast(:minScore as float8) is null or i.score >= :minScore)
  and (cast(:maxScore as float8) is null or i.score <= :maxScore)
order by (i.status = 'needs_review') desc,
  i.skipped_at is not null, i.skipped_at,
  case when :informative then abs(coalesce(i.probability, 0.5) - 0.5)
       else i.match_threshold - coalesce(i.score, i.match_threshold) end,
  records_joined desc,
  i.item_id
limit :limit
