-- The hash of the line each staged party row was read from, salted with the job file and the
-- file's columns (ingest's LineHash). When a file is read again, a line whose hash an earlier
-- staged row of the file carries would stage that same row: it is kept without being parsed.
-- Rows staged before this column have none, and are compared by their values instead.
alter table hcp.staged_party add column line_hash uuid;
