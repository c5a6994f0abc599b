package io.hcp360.golden;

import io.hcp360.config.Problems;
import io.hcp360.config.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The survivorship rules ({@code matching-rules/survivorship.yaml}): per golden attribute, the
 * rule that picks its value, whether only valid values may survive, and the source priority.
 *
 * @param attributes in the order golden records list them
 */
public record Survivorship(Path file, List<String> sourcePriority,
    Map<String, Choice> attributes) {

  /**
   * The rules as a run records them, to tell whether they changed since (the source priority
   * and each attribute's rule; not where the file is, so a moved job folder changes nothing).
   */
  public String rules() {
    return "source priority " + sourcePriority + "; attributes " + attributes;
  }

  /** An attribute's rule, and whether only values flagged valid may survive. */
  public record Choice(SurvivorshipRule rule, boolean validOnly) {}

  /** The attributes a golden record has, and the hcp.party column each comes from. */
  static final Map<String, String> COLUMNS = columns();
  /** Attributes that have a validity flag in hcp.party. */
  static final Map<String, String> VALIDITY = Map.of("npi", "npi_valid",
      "national_id", "national_id_valid");

  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String c : List.of("title", "first_name", "middle_name", "last_name", "suffix",
        "credential", "specialty", "npi", "state_license", "organisation", "address_line1",
        "address_line2", "city", "region", "postal_code", "country", "phone", "email",
        "gender", "status")) {
      columns.put(c, c);
    }
    columns.put("phone", "phone_e164");
    columns.put("national_id", "national_id_value");
    columns.put("specialty_code", "specialty_code");
    return columns;
  }

  public Survivorship {
    sourcePriority = List.copyOf(sourcePriority);
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** Loads the rules; every problem is reported at once with its line. */
  public static Survivorship load(Path path) {
    Path file = path.toAbsolutePath().normalize();
    Problems problems = new Problems();
    Optional<YamlNode> root = YamlNode.parse(file, problems);
    if (root.isEmpty()) {
      problems.throwIfAny();
    }
    Map<String, YamlNode> entries = root.get().entries("survivorship",
        Set.of("source_priority", "default", "attributes"));
    List<String> priority = Optional.ofNullable(entries.get("source_priority"))
        .map(n -> n.texts("source_priority")).orElse(List.of());
    Choice fallback = Optional.ofNullable(entries.get("default"))
        .flatMap(n -> choice(n, "default")).orElse(new Choice(SurvivorshipRule.MOST_RECENT, false));
    Map<String, Choice> attributes = new LinkedHashMap<>();
    Map<String, YamlNode> given = entries.get("attributes") == null ? Map.of()
        : entries.get("attributes").entries("attributes");
    given.forEach((attribute, node) -> {
      if (!COLUMNS.containsKey(attribute)) {
        node.problem("'" + attribute + "' is not a golden attribute"
            + Problems.didYouMean(attribute, COLUMNS.keySet()) + " (attributes: "
            + String.join(", ", COLUMNS.keySet()) + ")");
      }
    });
    for (String attribute : COLUMNS.keySet()) {
      YamlNode node = given.get(attribute);
      Choice choice = node == null ? fallback : choice(node, attribute).orElse(fallback);
      if (choice.validOnly() && !VALIDITY.containsKey(attribute)) {
        node.problem("valid_only applies to " + VALIDITY.keySet() + " only");
      }
      if (choice.rule() == SurvivorshipRule.SOURCE_PRIORITY && priority.isEmpty()) {
        (node == null ? root.get() : node).problem(attribute
            + " uses source_priority but source_priority: [...] lists no sources");
      }
      attributes.put(attribute, choice);
    }
    problems.throwIfAny();
    return new Survivorship(file, priority, attributes);
  }

  private static Optional<Choice> choice(YamlNode node, String what) {
    if (node.isScalar()) {
      return node.text(what).flatMap(t -> rule(node, t)).map(r -> new Choice(r, false));
    }
    Map<String, YamlNode> e = node.entries(what, Set.of("rule", "valid_only"));
    Optional<SurvivorshipRule> rule = Optional.ofNullable(e.get("rule"))
        .flatMap(r -> r.text("rule")).flatMap(t -> rule(node, t));
    boolean validOnly = Optional.ofNullable(e.get("valid_only"))
        .flatMap(v -> v.bool("valid_only")).orElse(false);
    return rule.map(r -> new Choice(r, validOnly));
  }

  private static Optional<SurvivorshipRule> rule(YamlNode node, String text) {
    Optional<SurvivorshipRule> rule = SurvivorshipRule.of(text);
    if (rule.isEmpty()) {
      node.problem("unknown survivorship rule '" + text + "'" + Problems.didYouMean(text,
          Arrays.stream(SurvivorshipRule.values()).map(SurvivorshipRule::key).toList())
          + " (rules: source_priority, most_recent, most_complete, most_frequent)");
    }
    return rule;
  }

  /** The rules beside a matching rule set, or defaults (most recent value) when there are none. */
  public static Survivorship besides(Path ruleSet) {
    Path file = ruleSet.resolveSibling("survivorship.yaml");
    if (Files.isRegularFile(file)) {
      return load(file);
    }
    Map<String, Choice> all = new LinkedHashMap<>();
    COLUMNS.keySet().forEach(a -> all.put(a, new Choice(SurvivorshipRule.MOST_RECENT,
        VALIDITY.containsKey(a))));
    return new Survivorship(file, List.of(), all);
  }
}
