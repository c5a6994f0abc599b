package io.hcp360.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Which brands take an interest in an HCP: mostly those promoted to the HCP's specialty. */
final class Brands {
  private Brands() {}

  /** {@code n} different brands, those for the specialty first when there are any. */
  static List<Pools.Brand> forSpecialty(Pools pools, Pools.Specialty s, int n, RandomGenerator rng) {
    List<Pools.Brand> all = pools.brands();
    List<Pools.Brand> chosen = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Pools.Brand b : all) {
      if (b.specialty().equals(s.label()) && !names.contains(b.name()) && chosen.size() < n && rng.nextInt(10) < 7) {
        chosen.add(b);
        names.add(b.name());
      }
    }
    while (chosen.size() < n) {
      Pools.Brand b = Pools.pick(all, rng);
      if (!names.contains(b.name())) {
        chosen.add(b);
        names.add(b.name());
      }
    }
    return chosen;
  }

  /** One product: of a brand for the specialty most of the time. */
  static Pools.Brand product(Pools pools, Pools.Specialty s, RandomGenerator rng) {
    return forSpecialty(pools, s, 1, rng).get(0);
  }
}
