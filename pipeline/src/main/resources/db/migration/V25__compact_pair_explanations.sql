-- Scored pairs stored compactly: each comparison's level as a number and its weight, instead of
-- ~800 bytes of JSON per pair (millions of pairs a night). The JSON explanation is still there
-- for readers: hcp.match_pair is now a view that spells it out from hcp.rule_set_level.
create table hcp.scored_pair (
  run_id      bigint not null,
  left_id     integer not null,
  right_id    integer not null,
  score       double precision not null,   -- match weight: sum of log2(m/u) over comparisons
  probability double precision not null,   -- posterior match probability from the weight and prior
  decision    text not null check (decision in ('match', 'review')),
  reason      text not null,               -- 'score', or the hard rule that decided
  levels      smallint[] not null,         -- per comparison: its level's index (-1: null)
  weights     real[] not null,             -- the prior's weight, then each comparison's
  rule_set    text not null,               -- rule set name and version that scored it
  primary key (left_id, right_id),
  check (left_id < right_id)
);
create index scored_pair_decision on hcp.scored_pair (decision);

-- The names of a rule set's comparisons and levels, written by the match step.
create table hcp.rule_set_level (
  rule_set         text not null,
  comparison_index smallint not null,
  comparison       text not null,
  level_index      smallint not null,         -- -1: the comparison's null level
  level            text not null,
  primary key (rule_set, comparison_index, level_index)
);

create function hcp.explanation(p_levels smallint[], p_weights real[], p_rule_set text)
returns jsonb language sql stable as $$
  select jsonb_build_array(jsonb_build_object('comparison', 'prior', 'level', 'prior',
           'weight', round(p_weights[1]::numeric, 3)))
      || coalesce(jsonb_agg(jsonb_build_object('comparison', l.comparison, 'level', l.level,
           'weight', round(u.weight::numeric, 3)) order by u.i), '[]'::jsonb)
  from unnest(p_levels, p_weights[2:]) with ordinality as u(level_index, weight, i)
  join hcp.rule_set_level l on l.rule_set = p_rule_set
   and l.comparison_index = u.i - 1 and l.level_index = u.level_index
$$;

drop table hcp.match_pair;

-- Every pair that matched or went to review, with its explanation as JSON:
-- [{"comparison", "level", "weight"}, ...], the prior first.
create view hcp.match_pair as
select run_id, left_id, right_id, score, probability, decision, reason,
       hcp.explanation(levels, weights, rule_set) as explanation, rule_set
from hcp.scored_pair;
