-- The staging tables each file a run accounted for was staged into (as hcp.staged_file.tables):
-- the incremental activities step compares only the changed files that hold activities now, or
-- held them when the activities were last linked. Null for earlier runs: any table.
alter table hcp.file_load add column tables text[];
