-- The source records whose staged rows a run's ingest changed: the files it read again, read
-- for the first time or forgot (ingest's ChangedKeys). An incremental standardize looks only
-- at the records changed since the last run that standardized, instead of picking the latest
-- version of every staged record; standardize empties the table up to its run.
create table hcp.staged_change (
  run_id    bigint not null,
  system    text not null,
  source_id text not null
);
create index staged_change_run on hcp.staged_change (run_id);

-- Runs before this version recorded no changes: the first run after the upgrade is full.
delete from hcp.incremental_state;
