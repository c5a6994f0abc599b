COPY hcp.golden_value (run_id, golden_id, attribute, value, source, source_id, rule,
  source_updated) FROM STDIN
