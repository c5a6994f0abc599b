COPY cluster_golden (cluster_id, golden_id) FROM STDIN
