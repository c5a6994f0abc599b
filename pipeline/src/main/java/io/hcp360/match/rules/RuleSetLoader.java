package io.hcp360.match.rules;

import io.hcp360.config.ConfigException;
import io.hcp360.config.Problems;
import io.hcp360.config.YamlNode;
import io.hcp360.match.data.PartyColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a matching rule set; every problem is reported at once with file and line.
 */
public final class RuleSetLoader {
  private static final Set<String> ROOT = Set.of("name", "version", "prior", "fields",
      "blocking", "comparisons", "thresholds", "markets", "hard_rules");
  private static final Set<String> LEVEL_KEYS = Set.of("exact", "jaro_winkler", "levenshtein",
      "prefix", "shares_token", "both_present", "swapped", "else");

  private RuleSetLoader() {}

  /** @throws ConfigException listing every problem */
  public static RuleSet load(Path path) {
    Path file = path.toAbsolutePath().normalize();
    Problems problems = new Problems();
    Optional<YamlNode> root = YamlNode.parse(file, problems);
    if (root.isEmpty()) {
      problems.throwIfAny();
    }
    Map<String, YamlNode> entries = root.get().entries("the rule set", ROOT);
    String name = text(entries, "name").orElse("rules");
    String version = text(entries, "version").orElse("1");
    double prior = Optional.ofNullable(entries.get("prior")).flatMap(p -> p.number("prior"))
        .orElse(1e-4);
    Map<String, FieldSource> fields = fields(entries.get("fields"), root.get());
    List<BlockingRule> blocking = new ArrayList<>();
    int cap = 500;
    Optional<FuzzyLookup> fuzzy = Optional.empty();
    YamlNode blockingNode = entries.get("blocking");
    if (blockingNode == null) {
      root.get().problem("the rule set needs 'blocking:' with at least one rule");
    } else {
      Map<String, YamlNode> b = blockingNode.entries("blocking",
          Set.of("max_block_size", "rules", "fuzzy"));
      cap = Optional.ofNullable(b.get("max_block_size")).flatMap(n -> n.integer("max_block_size"))
          .orElse(cap);
      if (b.get("rules") == null) {
        blockingNode.problem("blocking needs 'rules:'");
      } else {
        for (YamlNode rule : b.get("rules").items("blocking rules")) {
          blockingRule(rule, fields).ifPresent(blocking::add);
        }
      }
      fuzzy = Optional.ofNullable(b.get("fuzzy")).flatMap(f -> fuzzy(f, fields));
    }
    List<Comparison> comparisons = new ArrayList<>();
    YamlNode comparisonsNode = entries.get("comparisons");
    if (comparisonsNode == null) {
      root.get().problem("the rule set needs 'comparisons:'");
    } else {
      for (YamlNode c : comparisonsNode.items("comparisons")) {
        comparison(c, fields).ifPresent(comparisons::add);
      }
    }
    Thresholds thresholds = Optional.ofNullable(entries.get("thresholds"))
        .flatMap(RuleSetLoader::thresholds).orElse(new Thresholds(8, 2));
    if (entries.get("thresholds") == null) {
      root.get().problem("the rule set needs 'thresholds: {match: W, review: W}'");
    }
    Map<String, Thresholds> markets = new LinkedHashMap<>();
    if (entries.get("markets") != null) {
      entries.get("markets").entries("markets").forEach((market, node) -> {
        if (!market.matches("[A-Z]{2}")) {
          node.problem("a market is an ISO 3166 alpha-2 code (DE, FR, US), not '" + market + "'");
        }
        YamlNode t = node.entries("market " + market, Set.of("thresholds")).get("thresholds");
        if (t != null) {
          thresholds(t).ifPresent(th -> markets.put(market, th));
        }
      });
    }
    List<HardRule> hardRules = new ArrayList<>();
    if (entries.get("hard_rules") != null) {
      for (YamlNode rule : entries.get("hard_rules").items("hard_rules")) {
        hardRule(rule, fields).ifPresent(hardRules::add);
      }
    }
    problems.throwIfAny();
    return new RuleSet(file, name, version, fingerprint(file), fields, blocking, cap, fuzzy,
        comparisons, thresholds, markets, hardRules, prior);
  }

  private static Optional<String> text(Map<String, YamlNode> entries, String key) {
    return Optional.ofNullable(entries.get(key)).flatMap(n -> n.text(key));
  }

  private static Map<String, FieldSource> fields(YamlNode node, YamlNode root) {
    Map<String, FieldSource> fields = new LinkedHashMap<>();
    if (node == null) {
      root.problem("the rule set needs 'fields:' naming the columns it compares");
      return fields;
    }
    node.entries("fields").forEach((name, spec) -> {
      Map<String, YamlNode> e = spec.entries("field " + name, Set.of("column", "extra", "valid_if"));
      Optional<String> column = text(e, "column");
      Optional<String> extra = text(e, "extra");
      Optional<String> validIf = text(e, "valid_if");
      if (column.isPresent() == extra.isPresent()) {
        spec.problem("field " + name + " needs exactly one of column or extra");
        return;
      }
      if (column.isPresent() && !PartyColumns.VALUES.contains(column.get())) {
        e.get("column").problem("hcp.party has no column '" + column.get() + "'"
            + Problems.didYouMean(column.get(), PartyColumns.VALUES));
      }
      if (validIf.isPresent() && !PartyColumns.FLAGS.contains(validIf.get())) {
        e.get("valid_if").problem("valid_if must be one of " + PartyColumns.FLAGS);
      }
      fields.put(name, new FieldSource(name, column, extra, validIf));
    });
    return fields;
  }

  private static boolean known(YamlNode node, String field, Map<String, FieldSource> fields) {
    if (!fields.containsKey(field)) {
      node.problem("'" + field + "' is not a field of this rule set"
          + Problems.didYouMean(field, fields.keySet()) + " (declare it under fields:)");
      return false;
    }
    return true;
  }

  private static Optional<BlockingRule> blockingRule(YamlNode node,
      Map<String, FieldSource> fields) {
    Map<String, YamlNode> e = node.entries("a blocking rule", Set.of("name", "fields", "words"));
    Optional<String> name = text(e, "name");
    List<String> ruleFields = e.get("fields") == null ? List.of()
        : e.get("fields").texts("fields");
    if (name.isEmpty() || ruleFields.isEmpty()) {
      node.problem("a blocking rule needs a name and fields: [...]");
      return Optional.empty();
    }
    boolean ok = ruleFields.stream().allMatch(f -> known(e.get("fields"), f, fields));
    boolean words = Optional.ofNullable(e.get("words")).flatMap(n -> n.bool("words"))
        .orElse(false);
    return ok ? Optional.of(new BlockingRule(name.get(), ruleFields, words)) : Optional.empty();
  }

  private static Optional<FuzzyLookup> fuzzy(YamlNode node, Map<String, FieldSource> fields) {
    Map<String, YamlNode> e = node.entries("fuzzy",
        Set.of("field", "max_edits", "prefix_length", "same", "limit"));
    Optional<String> field = text(e, "field");
    if (field.isEmpty() || !known(node, field.get(), fields)) {
      if (field.isEmpty()) {
        node.problem("fuzzy needs field:");
      }
      return Optional.empty();
    }
    int edits = Optional.ofNullable(e.get("max_edits")).flatMap(n -> n.integer("max_edits"))
        .orElse(2);
    if (edits < 1 || edits > 2) {
      e.get("max_edits").problem("max_edits must be 1 or 2 (Lucene's fuzzy queries)");
      return Optional.empty();
    }
    int prefix = Optional.ofNullable(e.get("prefix_length"))
        .flatMap(n -> n.integer("prefix_length")).orElse(1);
    Optional<String> same = text(e, "same");
    if (same.isPresent() && !known(e.get("same"), same.get(), fields)) {
      return Optional.empty();
    }
    int limit = Optional.ofNullable(e.get("limit")).flatMap(n -> n.integer("limit")).orElse(10);
    return Optional.of(new FuzzyLookup(field.get(), edits, prefix, same, limit));
  }

  private static Optional<Comparison> comparison(YamlNode node, Map<String, FieldSource> fields) {
    Map<String, YamlNode> e = node.entries("a comparison",
        Set.of("name", "field", "levels", "term_frequency"));
    Optional<String> name = text(e, "name");
    Optional<String> field = text(e, "field");
    if (name.isEmpty() || field.isEmpty()) {
      node.problem("a comparison needs name: and field:");
      return Optional.empty();
    }
    if (!known(e.get("field"), field.get(), fields)) {
      return Optional.empty();
    }
    boolean tf = Optional.ofNullable(e.get("term_frequency"))
        .flatMap(n -> n.bool("term_frequency")).orElse(false);
    List<LevelSpec> levels = new ArrayList<>();
    if (e.get("levels") == null) {
      node.problem("comparison " + name.get() + " needs levels: [...]");
      return Optional.empty();
    }
    List<YamlNode> items = e.get("levels").items("levels");
    for (YamlNode item : items) {
      level(item, name.get(), fields).ifPresent(levels::add);
    }
    if (levels.size() != items.size()) {
      return Optional.empty();
    }
    if (levels.isEmpty() || !(levels.get(levels.size() - 1).level() instanceof Level.Else)) {
      e.get("levels").problem("the last level of comparison " + name.get() + " must be else");
      return Optional.empty();
    }
    return Optional.of(new Comparison(name.get(), field.get(), levels, tf));
  }

  private static Optional<LevelSpec> level(YamlNode node, String comparison,
      Map<String, FieldSource> fields) {
    Map<String, YamlNode> e = node.entries("a level of " + comparison,
        union(LEVEL_KEYS, Set.of("m", "u", "field")));
    List<String> kinds = e.keySet().stream().filter(LEVEL_KEYS::contains).toList();
    if (kinds.size() != 1) {
      node.problem("a level of " + comparison + " needs exactly one of " + LEVEL_KEYS);
      return Optional.empty();
    }
    YamlNode arg = e.get(kinds.get(0));
    Optional<Level> level = switch (kinds.get(0)) {
      case "exact" -> Optional.of(new Level.Exact());
      case "else" -> Optional.of(new Level.Else());
      case "shares_token" -> Optional.of(new Level.SharesToken());
      case "both_present" -> Optional.of(new Level.BothPresent());
      case "jaro_winkler" -> arg.number("jaro_winkler").flatMap(t -> {
        if (t <= 0 || t > 1) {
          arg.problem("a Jaro-Winkler threshold is between 0 and 1, not " + t);
          return Optional.empty();
        }
        return Optional.of(new Level.JaroWinkler(t));
      });
      case "levenshtein" -> arg.integer("levenshtein").map(Level.Levenshtein::new);
      case "prefix" -> arg.integer("prefix").map(Level.Prefix::new);
      case "swapped" -> arg.text("swapped").filter(f -> known(arg, f, fields))
          .map(Level.Swapped::new);
      default -> Optional.empty();
    };
    double m = Optional.ofNullable(e.get("m")).flatMap(n -> n.number("m")).orElse(0.5);
    double u = Optional.ofNullable(e.get("u")).flatMap(n -> n.number("u")).orElse(0.5);
    if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
      node.problem("m and u are probabilities in (0, 1]");
      return Optional.empty();
    }
    Optional<String> field = Optional.empty();
    if (e.get("field") != null) {
      field = e.get("field").text("field");
      if (field.isEmpty() || !known(e.get("field"), field.get(), fields)) {
        return Optional.empty();
      }
    }
    Optional<String> levelField = field;
    return level.map(l -> new LevelSpec(l, m, u, levelField));
  }

  private static Optional<Thresholds> thresholds(YamlNode node) {
    Map<String, YamlNode> e = node.entries("thresholds",
        Set.of("match", "review", "ambiguity_margin", "certain", "together"));
    Optional<Double> match = Optional.ofNullable(e.get("match")).flatMap(n -> n.number("match"));
    Optional<Double> review = Optional.ofNullable(e.get("review"))
        .flatMap(n -> n.number("review"));
    if (match.isEmpty() || review.isEmpty()) {
      node.problem("thresholds need match: and review: (match weights, in bits)");
      return Optional.empty();
    }
    if (review.get() > match.get()) {
      node.problem("the review threshold (" + review.get() + ") is above the match threshold ("
          + match.get() + ")");
      return Optional.empty();
    }
    double margin = Optional.ofNullable(e.get("ambiguity_margin"))
        .flatMap(n -> n.number("ambiguity_margin")).orElse(0.0);
    if (margin < 0) {
      e.get("ambiguity_margin").problem("the ambiguity margin is a number of bits, 0 or more");
      return Optional.empty();
    }
    double certain = Optional.ofNullable(e.get("certain"))
        .flatMap(n -> n.number("certain")).orElse(Double.POSITIVE_INFINITY);
    if (certain < match.get()) {
      e.get("certain").problem("certain (" + certain + ") is below the match threshold ("
          + match.get() + ")");
      return Optional.empty();
    }
    double together = Optional.ofNullable(e.get("together"))
        .flatMap(n -> n.number("together")).orElse(review.get());
    return Optional.of(new Thresholds(match.get(), review.get(), margin, certain, together));
  }

  private static Optional<HardRule> hardRule(YamlNode node, Map<String, FieldSource> fields) {
    Map<String, YamlNode> e = node.entries("a hard rule",
        Set.of("never_merge_different", "always_merge_same"));
    if (e.size() != 1) {
      node.problem("a hard rule is {never_merge_different: FIELD} or {always_merge_same: FIELD}");
      return Optional.empty();
    }
    var entry = e.entrySet().iterator().next();
    HardRule.Kind kind = entry.getKey().equals("never_merge_different")
        ? HardRule.Kind.NEVER_MERGE_DIFFERENT : HardRule.Kind.ALWAYS_MERGE_SAME;
    return entry.getValue().text(entry.getKey()).filter(f -> known(entry.getValue(), f, fields))
        .map(f -> new HardRule(kind, f));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String fingerprint(Path file) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unknown";
    }
  }
}
