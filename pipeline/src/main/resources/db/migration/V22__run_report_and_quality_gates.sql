-- Run reports and quality gates.

-- When a run's results were published; null for a run that failed or that a quality gate
-- stopped. Every run that completed before this version published.
alter table hcp.run add column published_at timestamptz;
update hcp.run set published_at = finished_at where status = 'COMPLETED';

-- The match weights of every pair the match step scored (hcp.match_pair keeps only the match
-- and review pairs), in bins one unit wide: a bin holds the scores in [bin, bin + 1). Pairs a
-- hard rule kept apart unscored are not in it.
create table hcp.score_histogram (
  run_id bigint not null,
  bin    integer not null,
  pairs  bigint not null,
  primary key (run_id, bin)
);

-- What the run would change in the current publish, measured by the gate step before it is
-- replaced: golden IDs kept, new and retired.
create table hcp.publish_change (
  run_id        bigint primary key,
  previous_run  bigint,            -- the published run it is compared with; null: none yet
  previous_ids  bigint not null,   -- golden HCPs in the current publish
  current_ids   bigint not null,   -- golden HCPs of this run
  kept_ids      bigint not null,   -- in both
  new_ids       bigint not null,   -- in this run only (created or split off)
  retired_ids   bigint not null    -- in the current publish only (merged, or no records left)
);

-- Channel eligibility of this run against the current publish, per channel and purpose.
create table hcp.consent_change (
  run_id            bigint not null,
  channel           text not null,
  purpose           text not null,
  became_eligible   bigint not null,   -- not eligible before, eligible now
  became_ineligible bigint not null,   -- eligible before, not now
  added             bigint not null,   -- a golden HCP x channel x purpose that was not published
  removed           bigint not null,   -- published, and not in this run
  primary key (run_id, channel, purpose)
);

-- Every quality gate checked for a run: its limit, the value measured and the verdict. A run
-- with a gate over its limit and not accepted (--accept-gates) did not publish.
create table hcp.gate_check (
  run_id      bigint not null,
  gate        text not null,
  limit_value double precision,       -- null: the gate is off
  measured    double precision,       -- null: nothing to measure (no previous publish)
  passed      boolean not null,
  accepted    boolean not null default false,
  detail      text not null,
  checked_at  timestamptz not null default now(),
  primary key (run_id, gate)
);

-- The report of every run (the figures of report.json), and where its files were written.
create table hcp.run_report (
  run_id     bigint primary key,
  status     text not null,
  folder     text not null,
  report     jsonb not null,
  written_at timestamptz not null default now()
);

-- The golden ID history shows the events of published runs only: a run that failed or that a
-- quality gate stopped leaves what analysts see as it was.
create or replace view publish.golden_id_history as
  select golden_id, event, related_golden_id, records, run_id, happened_at
  from hcp.golden_id_event
  where run_id in (select run_id from hcp.run where published_at is not null);
