package io.hcp360.config;

import java.util.Objects;
import java.util.Set;

/**
 * One canonical field of a facet.
 *
 * @param column its position among the facet's stored columns, or -1 for an input-only field
 * @param allowed the values it may take after mapping; empty for free values
 */
public record FieldDef(
    String name, ValueType type, boolean required, int column, Set<String> allowed) {

  public FieldDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    allowed = Set.copyOf(allowed);
  }

  public boolean stored() {
    return column >= 0;
  }
}
