package io.hcp360.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The quality gates of a job file ({@code gates:}); a gate without a limit is off. Each limit is a
 * fraction (0.05 is 5 %).
 *
 * @param maxRejectRate rows rejected / rows read, all of the run's files together
 * @param maxGoldenIdChurn (golden IDs new in this run + golden IDs of the current publish that
 *     this run no longer has) / golden IDs of the current publish
 * @param maxPublishedDrop for each HCP 360 list (brand and market): (members of its current
 *     version - members of the new one) / members of its current version
 */
public record GateLimits(Optional<Double> maxRejectRate, Optional<Double> maxGoldenIdChurn,
    Optional<Double> maxPublishedDrop) {

  /** No gate: every run publishes. */
  public static final GateLimits NONE =
      new GateLimits(Optional.empty(), Optional.empty(), Optional.empty());

  public GateLimits {
    Objects.requireNonNull(maxRejectRate, "maxRejectRate");
    Objects.requireNonNull(maxGoldenIdChurn, "maxGoldenIdChurn");
    Objects.requireNonNull(maxPublishedDrop, "maxPublishedDrop");
  }
}
