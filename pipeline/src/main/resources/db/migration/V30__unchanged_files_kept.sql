-- Unchanged extracts are not read again. The staging tables now hold the rows of the extracts
-- as they are now (one copy of each file), not the rows of one run: an incremental run reads a
-- file again only when its bytes (or the job file) changed since it was staged, and keeps the
-- rows staged from it otherwise. A staged row's run_id is the run that read it. A full run
-- empties the staging tables and reads every file.

-- What the staging tables hold of each file: its fingerprint (sha-256 of the job file and of the
-- file's bytes), the run that read it and its counts.
create table hcp.staged_file (
  system        text not null,
  file_name     text not null,
  path          text not null,
  fingerprint   text,             -- null: staged before fingerprints were kept (read again)
  tables        text[],           -- the staging tables its rows are in (null: maybe any)
  staged_run    bigint not null,
  rows_read     bigint not null,
  rows_staged   bigint not null,
  rows_rejected bigint not null,
  primary key (system, file_name, path),
  check (rows_read = rows_staged + rows_rejected)
);

-- The files staging holds today: those of the last run that staged any.
insert into hcp.staged_file (system, file_name, path, staged_run, rows_read, rows_staged,
  rows_rejected)
select system, file_name, path, run_id, rows_read, rows_staged, rows_rejected
from hcp.file_load where run_id = (select max(run_id) from hcp.file_load);

-- A run's files: staged_run is the run whose staged rows the run used (itself, or the run that
-- read an unchanged file first; its rejects are copied to the run).
alter table hcp.file_load add column staged_run bigint;
update hcp.file_load set staged_run = run_id;
alter table hcp.file_load alter column staged_run set not null;
alter table hcp.file_load add column fingerprint text;

-- Staged rows are no longer looked up by run; these indexes only slowed COPY down.
drop index hcp.staged_party_run;
drop index hcp.staged_activity_run;
drop index hcp.staged_consent_run;

-- The md5 of a staged party row's values, computed when it is staged: the standardize step
-- compares it with hcp.party.row_hash instead of hashing every staged row. Hashes taken the
-- old way do not compare with it, so the next run is a full one.
alter table hcp.staged_party add column row_hash uuid;
delete from hcp.incremental_state;
