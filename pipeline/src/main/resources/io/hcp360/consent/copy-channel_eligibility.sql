COPY hcp.channel_eligibility (run_id, golden_id, channel, purpose, eligible, reason, evidence,
  market) FROM STDIN
