-- Scored pairs: one row per pair of party records that matched or went to the review band,
-- with its match weight, the decision, why, and the explanation of every comparison.
drop table hcp.match_pair;

create table hcp.match_pair (
  run_id      bigint not null,
  left_id     integer not null,
  right_id    integer not null,
  score       double precision not null,   -- match weight: sum of log2(m/u) over comparisons
  probability double precision not null,   -- posterior match probability from the weight and prior
  decision    text not null check (decision in ('match', 'review')),
  reason      text not null,               -- 'score', or the hard rule that decided
  explanation jsonb not null,              -- [{"comparison", "level", "weight"}, ...]
  rule_set    text not null,               -- rule set name and version that scored it
  primary key (left_id, right_id),
  check (left_id < right_id)
);
create index match_pair_decision on hcp.match_pair (decision);
