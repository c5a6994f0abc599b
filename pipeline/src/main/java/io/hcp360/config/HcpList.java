package io.hcp360.config;

import java.util.List;
import java.util.Objects;

/**
 * A governed HCP 360 list the job publishes for one brand, in each of its markets.
 *
 * @param markets ISO alpha-2 codes
 * @param activityBrands a golden HCP is a member when one of its activities' brand or product
 *     starts with one of these (sample products, email brands, detailed products)
 * @param targeting a golden HCP is a member when one of its records has this extra attribute
 *     equal to the brand (CRM brand targeting), if set
 */
public record HcpList(String brand, List<String> markets, List<String> activityBrands,
    java.util.Optional<String> targeting, int line) {

  public HcpList {
    Objects.requireNonNull(brand, "brand");
    markets = List.copyOf(markets);
    activityBrands = List.copyOf(activityBrands);
    Objects.requireNonNull(targeting, "targeting");
  }
}
