COPY hcp.scored_pair (run_id, left_id, right_id, score, probability, decision, reason, levels,
  weights, rule_set) FROM STDIN
