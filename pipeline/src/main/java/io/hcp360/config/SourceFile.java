package io.hcp360.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of extract of a source system, and how its rows map to facets.
 *
 * @param system the source system; party records are keyed (system, source_id)
 * @param name unique within the system
 * @param pathPattern the path or glob as written in the job file
 * @param paths the files it matched when the job file was loaded, in name order
 */
public record SourceFile(
    String system,
    String name,
    String pathPattern,
    List<Path> paths,
    Dialect dialect,
    List<FacetMapping> facets,
    int line) {

  public SourceFile {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pathPattern, "pathPattern");
    paths = List.copyOf(paths);
    Objects.requireNonNull(dialect, "dialect");
    facets = List.copyOf(facets);
  }

  public Optional<FacetMapping> facet(Facet facet) {
    return facets.stream().filter(f -> f.facet() == facet).findFirst();
  }

  /** "system/name", as reports and rejects name it. */
  public String label() {
    return system + "/" + name;
  }
}
