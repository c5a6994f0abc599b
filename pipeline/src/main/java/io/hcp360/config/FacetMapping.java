package io.hcp360.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the rows of one file fill one facet.
 *
 * @param fields mappings of the facet's canonical fields
 * @param required fields a row must have a value for (the facet's own required fields included)
 * @param whenPresent a column: the facet is produced only for rows where it has a value
 * @param extras named attributes with no canonical field (party facet only)
 */
public record FacetMapping(
    Facet facet,
    List<FieldMapping> fields,
    Set<String> required,
    Optional<String> whenPresent,
    List<FieldMapping> extras,
    int line) {

  public FacetMapping {
    Objects.requireNonNull(facet, "facet");
    fields = List.copyOf(fields);
    required = Set.copyOf(required);
    Objects.requireNonNull(whenPresent, "whenPresent");
    extras = List.copyOf(extras);
  }

  public Optional<FieldMapping> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
