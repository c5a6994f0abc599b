COPY hcp.golden_id_event (run_id, golden_id, event, related_golden_id, records) FROM STDIN
