COPY hcp.reject (run_id, system, file_name, path, line, reason, raw) FROM STDIN
