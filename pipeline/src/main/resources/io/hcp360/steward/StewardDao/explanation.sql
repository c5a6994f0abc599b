-- An item's explanation, one row per comparison in the matcher's order: the item's own (as
-- scored when it was last in review), else the last run's for the pair, if it scored it.
select e.value ->> 'comparison' as comparison, e.value ->> 'level' as level,
  (e.value ->> 'weight')::float8 as weight
from hcp.review_item i
cross join lateral jsonb_array_elements(coalesce(
  hcp.explanation(i.levels, i.weights, i.rule_set), (
  select mp.explanation
  from hcp.party l, hcp.party r, hcp.match_pair mp
  where l.system = i.left_system and l.source_id = i.left_source_id
    and r.system = i.right_system and r.source_id = i.right_source_id
    and mp.left_id = least(l.party_id, r.party_id)
    and mp.right_id = greatest(l.party_id, r.party_id)), '[]'::jsonb))
  with ordinality e(value, ord)
where i.item_id = :itemId
order by e.ord
