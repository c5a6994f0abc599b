package io.hcp360.consent;

import java.time.Instant;

/** A row of golden-consent.sql: a golden HCP and one of its consent facts (or none). */
public record FactRow(String goldenId, String country, String channel, String purpose,
    String status, Instant statedAt, Instant expiresAt, String source, String sourceId,
    String file, Integer line) {

  boolean hasFact() {
    return channel != null;
  }

  ConsentFact fact() {
    return new ConsentFact(channel, purpose, "opt_in".equals(status), statedAt, expiresAt,
        source, sourceId, file, line);
  }
}
