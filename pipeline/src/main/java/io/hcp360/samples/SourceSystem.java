package io.hcp360.samples;

import java.util.random.RandomGenerator;

/** The five source systems; the name is the folder and the {@code system} in the job file. */
enum SourceSystem {
  CRM("crm", 72),
  MDM("mdm", 55),
  EVENTS("events", 25),
  EMAIL("email", 40),
  SAMPLES("samples", 25);

  private final String folder;
  private final int percent;

  SourceSystem(String folder, int percent) {
    this.folder = folder;
    this.percent = percent;
  }

  String folder() {
    return folder;
  }

  int bit() {
    return 1 << ordinal();
  }

  /**
   * The systems one person appears in, as a bit set: each with its own likelihood, then held to
   * between one and four systems (nobody is in every system).
   */
  static int pickSet(RandomGenerator rng) {
    int set = 0;
    for (SourceSystem s : values()) {
      if (rng.nextInt(100) < s.percent) {
        set |= s.bit();
      }
    }
    if (set == 0) {
      set = values()[rng.nextInt(3)].bit();
    }
    if (Integer.bitCount(set) == values().length) {
      set &= ~values()[1 + rng.nextInt(values().length - 1)].bit();
    }
    return set;
  }
}
