package io.hcp360.samples;

import java.util.Objects;

/** A practice address. {@code line2} is blank when there is none. */
record Address(String line1, String line2, Pools.City city, String postalCode) {
  Address {
    Objects.requireNonNull(line1, "line1");
    Objects.requireNonNull(line2, "line2");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(postalCode, "postalCode");
  }

  Market market() {
    return city.market();
  }
}
