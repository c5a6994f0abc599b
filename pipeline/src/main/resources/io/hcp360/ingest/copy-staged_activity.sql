COPY hcp.staged_activity (run_id, system, file_name, path, line, party_source_id, activity_type,
  occurred_at, activity_id, channel, brand, product, quantity, territory, logged_at, status,
  detail, country) FROM STDIN
