-- Queue items keep their explanation compactly, as hcp.scored_pair does (level indexes and
-- weights); hcp.explanation() spells it out for the one item a steward looks at.
alter table hcp.review_item
  drop column explanation,
  add column levels smallint[],           -- per comparison: its level's index (-1: null)
  add column weights real[];              -- the prior's weight, then each comparison's
