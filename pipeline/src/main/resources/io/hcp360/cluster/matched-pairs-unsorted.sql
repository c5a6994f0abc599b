-- Matched pairs in no order, with what orders them (see matched-pairs.sql).
select left_id, right_id, reason <> 'score' as by_hard_rule, score
from hcp.scored_pair
where decision = 'match'
