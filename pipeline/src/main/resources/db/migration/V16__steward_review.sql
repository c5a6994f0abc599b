-- Steward review: the decisions that stick and the merge queue. Everything durable is keyed by
-- the source record (system, source_id), never by party_id, which every run renumbers. A pair
-- is stored in one order: (left_system, left_source_id) < (right_system, right_source_id), in
-- code-point order (collation "C", as Java compares strings).

-- A steward's decision on a pair of source records: approve and link are must-links, reject,
-- split and unmerge cannot-links. Kept with who, when, why and both records' matching fields
-- (and their hash) at the time. A later decision on the same pair supersedes it; a decision
-- whose record changed since is flagged needs_review by the cluster step and not applied.
create table hcp.steward_decision (
  decision_id     bigserial primary key,
  action          text not null check (action in ('approve', 'reject', 'link', 'split', 'unmerge')),
  kind            text not null check (kind in ('must_link', 'cannot_link')),
  left_system     text not null,
  left_source_id  text not null,
  right_system    text not null,
  right_source_id text not null,
  left_fields     jsonb not null,       -- the rule set's matching fields, as the matcher saw them
  right_fields    jsonb not null,
  left_hash       text not null,        -- SHA-256 of those fields
  right_hash      text not null,
  decided_by      text not null,
  decided_at      timestamptz not null default now(),
  comment         text,
  golden_id       text,                 -- unmerge: the golden record a record was taken out of
  item_id         bigint,               -- approve, reject: the queue item decided
  status          text not null default 'active'
                  check (status in ('active', 'needs_review', 'superseded')),
  review_reason   text,                 -- needs_review: why ("crm/001A changed: ...")
  flagged_run_id  bigint,               -- needs_review: the run that flagged it
  superseded_by   bigint,
  check ((left_system collate "C", left_source_id collate "C")
         < (right_system collate "C", right_source_id collate "C")),
  check ((kind = 'must_link') = (action in ('approve', 'link')))
);
-- At most one decision in force (active or waiting for re-review) per pair.
create unique index steward_decision_pair on hcp.steward_decision
  (left_system, left_source_id, right_system, right_source_id) where status <> 'superseded';
create index steward_decision_right on hcp.steward_decision (right_system, right_source_id);

-- The merge queue: one item per pair, with an ID that survives later runs. Items come from the
-- review band of each run (origin 'match') or from a decision flagged for re-review (origin
-- 'decision'). An item no longer in the review band is 'gone' (kept, reopened if it returns).
create table hcp.review_item (
  item_id          bigserial primary key,
  left_system      text not null,
  left_source_id   text not null,
  right_system     text not null,
  right_source_id  text not null,
  source_pair      text not null,       -- the two systems, sorted, joined by '-': crm-events
  left_country     text,
  right_country    text,
  origin           text not null check (origin in ('match', 'decision')),
  status           text not null default 'open'
                   check (status in ('open', 'needs_review', 'approved', 'rejected', 'gone')),
  first_run_id     bigint not null,
  last_run_id      bigint not null,     -- the last run in which it was in review (or flagged)
  score            double precision,    -- match weight in that run; null when never scored
  probability      double precision,
  match_threshold  double precision not null,
  review_threshold double precision not null,
  explanation      jsonb,
  rule_set         text,
  decision_id      bigint,              -- the decision that settled it, or the flagged one
  skipped_by       text,
  skipped_at       timestamptz,
  unique (left_system, left_source_id, right_system, right_source_id),
  check ((left_system collate "C", left_source_id collate "C")
         < (right_system collate "C", right_source_id collate "C"))
);
create index review_item_status on hcp.review_item (status);
