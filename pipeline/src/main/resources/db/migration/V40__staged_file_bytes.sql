-- The size of each staged file when it was read: a file whose size changed since has changed
-- for certain, and ingest stages those first (IngestStage), before the files its fingerprint
-- may find unchanged. Files staged before this column have none: they wait their turn by size.
alter table hcp.staged_file add column bytes bigint;
