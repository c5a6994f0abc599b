-- An incremental run's standardize step looks up the staged rows of the records ingest changed
-- (a few thousand among a million): without an index on the record it read every staged row,
-- twice.
create index staged_party_record on hcp.staged_party (system, source_id);
