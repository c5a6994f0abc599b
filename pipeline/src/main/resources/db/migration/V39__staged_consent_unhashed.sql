-- The consent facts staged without their line's hash (before V38): ingest asks whether a file
-- has any before it keeps its known lines unparsed (StagingDao.consentLinesHashed). Without an
-- index that question read every staged fact (0.1 s a night at 1,000,000 records); this one
-- holds only the facts without a hash, none once each file was read again.
create index staged_consent_unhashed on hcp.staged_consent (system, file_name, path)
  where line_hash is null;
