package io.hcp360.ingest;

import io.hcp360.config.Facet;
import io.hcp360.config.FacetMapping;
import io.hcp360.config.SourceFile;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the values of one row to the facets its file carries. A row is all or nothing: if one
 * facet cannot be filled, the whole row is rejected.
 */
final class RowMapper {
  private final Map<Facet, FacetPlan> plans = new EnumMap<>(Facet.class);

  RowMapper(SourceFile source, List<String> columns) {
    for (FacetMapping facet : source.facets()) {
      plans.put(facet.facet(), new FacetPlan(facet, source.dialect(), columns));
    }
  }

  MappedRow map(List<String> row) throws RowRejected {
    Map<Facet, String[]> facets = new EnumMap<>(Facet.class);
    Optional<String> extras = Optional.empty();
    for (Map.Entry<Facet, FacetPlan> entry : plans.entrySet()) {
      FacetPlan plan = entry.getValue();
      if (plan.applies(row)) {
        facets.put(entry.getKey(), plan.values(row));
        if (plan.hasExtras()) {
          extras = Optional.of(plan.extrasJson(row));
        }
      }
    }
    return new MappedRow(facets, extras);
  }
}
