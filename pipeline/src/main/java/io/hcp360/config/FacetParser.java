package io.hcp360.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a facet block ({@code party:}, {@code activity:}, {@code consent:}) of a file. */
final class FacetParser {
  private static final Set<String> DIRECTIVES = Set.of("required", "when_present", "extras");

  private FacetParser() {}

  static Optional<FacetMapping> parse(Facet facet, YamlNode node) {
    Set<String> allowed = new HashSet<>(DIRECTIVES);
    facet.fields().forEach(f -> allowed.add(f.name()));
    if (facet != Facet.PARTY) {
      allowed.remove("extras");
    }
    Map<String, YamlNode> entries = node.entries(facet.key(), allowed);
    List<FieldMapping> fields = new ArrayList<>();
    for (FieldDef def : facet.fields()) {
      YamlNode spec = entries.get(def.name());
      if (spec != null) {
        FieldMappingParser.field(def, spec).ifPresent(fields::add);
      }
    }
    Set<String> required = new LinkedHashSet<>();
    facet.fields().stream().filter(FieldDef::required).forEach(f -> required.add(f.name()));
    YamlNode requiredNode = entries.get("required");
    if (requiredNode != null) {
      for (String name : requiredNode.texts("required")) {
        if (facet.field(name).isEmpty()) {
          requiredNode.problem("required names '" + name + "', which is not a field of "
              + facet.key() + Problems.didYouMean(name, allowed));
        } else {
          required.add(name);
        }
      }
    }
    for (String name : required) {
      boolean mapped = fields.stream().anyMatch(f -> f.name().equals(name));
      boolean fromName = Set.of("first_name", "middle_name", "last_name", "title", "suffix",
          "credential").contains(name) && entries.containsKey("full_name");
      if (!mapped && !fromName && !entries.containsKey(name)) {
        node.problem(facet.key() + " needs " + name + " (required), but does not map it");
      }
    }
    Optional<String> whenPresent = Optional.ofNullable(entries.get("when_present"))
        .flatMap(w -> w.text("when_present"));
    List<FieldMapping> extras = new ArrayList<>();
    YamlNode extrasNode = entries.get("extras");
    if (extrasNode != null) {
      extrasNode.entries("extras").forEach((name, spec) -> {
        if (facet.field(name).isPresent()) {
          spec.problem("'" + name + "' is a canonical field of " + facet.key()
              + "; map it there, not under extras");
        }
        FieldMappingParser.extra(name, spec).ifPresent(extras::add);
      });
    }
    return Optional.of(
        new FacetMapping(facet, fields, required, whenPresent, extras, node.line()));
  }
}
