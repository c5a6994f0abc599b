package io.hcp360.ingest;

import io.hcp360.config.Facet;
import java.util.Map;
import java.util.Optional;

/**
 * The facets one row produced, each as its stored values in the facet's column order (null for
 * absent), and the party's extra attributes as a JSON object.
 */
record MappedRow(Map<Facet, String[]> facets, Optional<String> extrasJson) {}
