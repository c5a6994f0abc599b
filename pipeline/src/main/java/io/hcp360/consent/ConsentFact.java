package io.hcp360.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * One consent statement as a source gave it, and where it came from.
 *
 * @param purpose null: the statement is about the channel for every purpose
 * @param statedAt null: the source gave no time; it counts as older than any dated statement
 * @param expiresAt null: no expiry of its own (the market's expiry may still apply)
 * @param source the source system of the party record
 * @param sourceId the party record's id in that system
 */
public record ConsentFact(String channel, String purpose, boolean optIn, Instant statedAt,
    Instant expiresAt, String source, String sourceId, String file, int line) {

  public ConsentFact {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(file, "file");
  }

  public String status() {
    return optIn ? "opt_in" : "opt_out";
  }

  /** True when the fact speaks about this purpose (a fact without purpose speaks about all). */
  public boolean covers(String channel, String purpose) {
    return this.channel.equals(channel) && (this.purpose == null || this.purpose.equals(purpose));
  }
}
