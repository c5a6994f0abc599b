package io.hcp360.consent;

import java.util.List;
import java.util.Objects;

/**
 * The answer for one HCP, channel and purpose: whether it may be used, why, and the statements
 * that were weighed (the deciding one first, then the others, latest first).
 */
public record Eligibility(boolean eligible, String reason, List<ConsentFact> evidence) {

  public Eligibility {
    Objects.requireNonNull(reason, "reason");
    evidence = List.copyOf(evidence);
  }
}
