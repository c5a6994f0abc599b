package io.hcp360.samples;

/** A country the generated HCPs practise in, with what differs between countries. */
enum Market {
  US("United States", "NPI", 50),
  DE("Germany", "LANR", 15),
  FR("France", "RPPS", 13),
  ES("Spain", "COLEGIADO", 12),
  GB("United Kingdom", "GMC", 10);

  private final String englishName;
  private final String registryType;
  private final int weight;

  Market(String englishName, String registryType, int weight) {
    this.englishName = englishName;
    this.registryType = registryType;
    this.weight = weight;
  }

  /** The country as the events vendor writes it ("Germany"). */
  String englishName() {
    return englishName;
  }

  /** The national registry the legacy MDM keys this country's HCPs by. */
  String registryType() {
    return registryType;
  }

  /** Picks a market with the weights above (US half of all HCPs). */
  static Market pick(java.util.random.RandomGenerator rng) {
    int total = 0;
    for (Market m : values()) {
      total += m.weight;
    }
    int r = rng.nextInt(total);
    for (Market m : values()) {
      r -= m.weight;
      if (r < 0) {
        return m;
      }
    }
    throw new AssertionError("weights");
  }
}
