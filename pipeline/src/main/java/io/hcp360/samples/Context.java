package io.hcp360.samples;

import java.nio.file.Path;
import java.util.random.RandomGenerator;

/** What every system writer shares: where to write, the value pools, noise, faults and truth. */
record Context(Path root, Pools pools, Noise noise, RandomGenerator rng, Faults faults, TruthWriter truth) {
  /** Opens a file of this layout below the output folder; {@code n} staggers the first fault kind. */
  OutFile open(Layout layout, int n) {
    return new OutFile(root, layout, faults, n);
  }

  boolean chance(int percent) {
    return noise.chance(percent);
  }
}
