-- Matched pairs, strongest first: those a hard rule put together, then by match weight.
select left_id, right_id, reason <> 'score' as by_hard_rule, score
from hcp.scored_pair
where decision = 'match'
order by (reason <> 'score') desc, score desc, left_id, right_id
