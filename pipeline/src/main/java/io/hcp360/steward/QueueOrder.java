package io.hcp360.steward;

/** How the queue is ordered. Re-review items always come first, skipped ones last. */
public enum QueueOrder {
  /**
   * Most useful first: closest to the upper (match) threshold first, since those are the pairs
   * most likely to be true matches the matcher just missed; among equals, the largest effect
   * (published records the decision would join) first.
   */
  USEFUL,
  /**
   * Most informative for the model first (active learning): match probability nearest 0.5,
   * where a label teaches the m-probabilities most.
   */
  INFORMATIVE
}
