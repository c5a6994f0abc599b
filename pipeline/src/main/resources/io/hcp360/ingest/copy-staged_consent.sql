COPY hcp.staged_consent (run_id, system, file_name, path, line, party_source_id, channel, status,
  purpose, stated_at, expires_at, brand, country, line_hash) FROM STDIN
