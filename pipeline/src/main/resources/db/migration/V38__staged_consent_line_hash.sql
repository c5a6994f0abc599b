-- A staged consent fact carries the hash of the line it was read from, as a staged party row
-- does (V34): a file of party rows and consent facts read again keeps the facts of its lines
-- known from before, unparsed, by their hash (IngestStage). Facts staged before this column
-- have none: the first run after reads their files whole.
alter table hcp.staged_consent add column line_hash uuid;
