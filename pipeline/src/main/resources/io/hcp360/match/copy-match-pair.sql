COPY hcp.match_pair (run_id, left_id, right_id, score, probability, decision, reason, explanation,
  rule_set) FROM STDIN
