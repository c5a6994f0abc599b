package io.hcp360.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a job file. Every problem (unknown keys, bad values, paths that match no
 * file, columns missing from a file's header) is collected and reported at once, each with its
 * file and line, before anything runs.
 */
public final class JobConfigLoader {
  private static final Set<String> ROOT_KEYS =
      Set.of("name", "sources", "rules", "lists", "gates", "schedule");
  private static final String DEFAULT_RULES = "matching-rules/hcp.yaml";
  private static final Set<String> SYSTEM_KEYS = Set.of("system", "dialect", "files");
  private static final Set<String> FILE_KEYS =
      Set.of("name", "path", "dialect", "party", "activity", "consent");

  private JobConfigLoader() {}

  /**
   * Loads a job file.
   *
   * @throws ConfigException listing every problem found
   */
  public static JobConfig load(Path jobFile) {
    Path file = jobFile.toAbsolutePath().normalize();
    Problems problems = new Problems();
    Optional<YamlNode> root = YamlNode.parse(file, problems);
    if (root.isEmpty()) {
      problems.throwIfAny();
    }
    Map<String, YamlNode> entries = root.get().entries("the job file", ROOT_KEYS);
    String name = Optional.ofNullable(entries.get("name"))
        .flatMap(n -> n.text("name"))
        .orElseGet(() -> defaultName(file));
    if (!name.matches("[A-Za-z0-9_.-]{1,60}")) {
      Optional.ofNullable(entries.get("name")).ifPresent(n -> n.problem(
          "the job name may use letters, digits, '.', '_' and '-' (at most 60)"));
    }
    List<SourceFile> sources = new ArrayList<>();
    YamlNode sourcesNode = entries.get("sources");
    if (sourcesNode == null) {
      root.get().problem("the job file has no sources: add a 'sources:' list");
    } else {
      Set<String> systems = new HashSet<>();
      for (YamlNode system : sourcesNode.items("sources")) {
        sources.addAll(system(file.getParent(), system, systems));
      }
    }
    Path rules = rules(file, entries.get("rules"), root.get());
    List<HcpList> lists = new ArrayList<>();
    if (entries.get("lists") != null) {
      for (YamlNode list : entries.get("lists").items("lists")) {
        hcpList(list).ifPresent(lists::add);
      }
    }
    GateLimits gates = Optional.ofNullable(entries.get("gates"))
        .map(JobConfigLoader::gates).orElse(GateLimits.NONE);
    Optional<Schedule> schedule = Optional.ofNullable(entries.get("schedule"))
        .flatMap(ScheduleParser::parse);
    problems.throwIfAny();
    return new JobConfig(file, name, sources, rules, lists, gates, schedule);
  }

  /**
   * The rule set: as the job file names it (relative to the job file), or by default
   * matching-rules/hcp.yaml beside the job file's folder, in the hcp360 installation, or in a
   * folder above the working one.
   */
  private static Path rules(Path file, YamlNode node, YamlNode root) {
    if (node != null) {
      Optional<String> text = node.text("rules");
      if (text.isPresent()) {
        Path rules = file.getParent().resolve(text.get()).normalize();
        if (!java.nio.file.Files.isRegularFile(rules)) {
          node.problem("no rule set at " + rules);
        }
        return rules;
      }
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(file.getParent().resolveSibling(DEFAULT_RULES));
    Optional.ofNullable(System.getProperty("hcp360.home"))
        .ifPresent(home -> candidates.add(Path.of(home).resolve(DEFAULT_RULES)));
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      candidates.add(dir.resolve(DEFAULT_RULES));
    }
    for (Path candidate : candidates) {
      if (java.nio.file.Files.isRegularFile(candidate)) {
        return candidate.normalize();
      }
    }
    root.problem("no matching rule set found: add 'rules: PATH' (for example "
        + "../matching-rules/hcp.yaml)");
    return file;
  }

  /** A published HCP 360 list: {brand, markets, activity_brands, targeting}. */
  private static Optional<HcpList> hcpList(YamlNode node) {
    Map<String, YamlNode> e = node.entries("a list",
        Set.of("brand", "markets", "activity_brands", "targeting"));
    Optional<String> brand = Optional.ofNullable(e.get("brand")).flatMap(b -> b.text("brand"));
    if (brand.isEmpty()) {
      node.problem("a list needs brand:");
      return Optional.empty();
    }
    List<String> markets = e.get("markets") == null ? List.of()
        : e.get("markets").texts("markets");
    if (markets.isEmpty()) {
      node.problem("list " + brand.get() + " needs markets: [US, DE, ...]");
    }
    markets.stream().filter(m -> !m.matches("[A-Z]{2}")).forEach(m -> e.get("markets")
        .problem("a market is an ISO 3166 alpha-2 code (US, DE), not '" + m + "'"));
    List<String> activityBrands = e.get("activity_brands") == null ? List.of(brand.get())
        : e.get("activity_brands").texts("activity_brands");
    Optional<String> targeting = Optional.ofNullable(e.get("targeting"))
        .flatMap(t -> t.text("targeting"));
    targeting.filter(t -> !t.matches("[a-z][a-z0-9_]*")).ifPresent(t -> e.get("targeting")
        .problem("targeting names an extra attribute (for example brand_team), not '" + t + "'"));
    return Optional.of(new HcpList(brand.get(), markets, activityBrands, targeting, node.line()));
  }

  /** Quality gates: {max_reject_rate, max_golden_id_churn, max_published_drop}, fractions. */
  private static GateLimits gates(YamlNode node) {
    Map<String, YamlNode> e = node.entries("gates",
        Set.of("max_reject_rate", "max_golden_id_churn", "max_published_drop"));
    return new GateLimits(fraction(e, "max_reject_rate", 1), fraction(e, "max_golden_id_churn",
        Double.MAX_VALUE), fraction(e, "max_published_drop", 1));
  }

  private static Optional<Double> fraction(Map<String, YamlNode> entries, String key,
      double max) {
    YamlNode node = entries.get(key);
    if (node == null) {
      return Optional.empty();
    }
    Optional<Double> value = node.number(key);
    if (value.isPresent() && !(value.get() >= 0 && value.get() <= max)) {
      node.problem(key + " is a fraction" + (max == 1 ? " from 0 to 1" : " of 0 or more")
          + " (0.05 for 5 %), not " + value.get());
      return Optional.empty();
    }
    return value;
  }

  private static String defaultName(Path file) {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private static List<SourceFile> system(Path base, YamlNode node, Set<String> seen) {
    Map<String, YamlNode> entries = node.entries("a source", SYSTEM_KEYS);
    Optional<String> system = Optional.ofNullable(entries.get("system"))
        .flatMap(s -> s.text("system"));
    if (system.isEmpty()) {
      node.problem("a source needs 'system:' (crm, mdm, events, ...)");
      return List.of();
    }
    if (!system.get().matches("[a-z][a-z0-9_]*")) {
      entries.get("system").problem(
          "system name '" + system.get() + "' must be lower case letters, digits and _");
    }
    if (!seen.add(system.get())) {
      entries.get("system").problem("system '" + system.get()
          + "' is listed twice; put all of its files under one entry");
    }
    Dialect dialect = Optional.ofNullable(entries.get("dialect"))
        .map(d -> DialectParser.parse(d, Dialect.DEFAULT))
        .orElse(Dialect.DEFAULT);
    YamlNode files = entries.get("files");
    if (files == null) {
      node.problem("system '" + system.get() + "' has no files: add a 'files:' list");
      return List.of();
    }
    List<SourceFile> result = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlNode file : files.items("files")) {
      file(base, system.get(), dialect, file, names).ifPresent(result::add);
    }
    return result;
  }

  private static Optional<SourceFile> file(
      Path base, String system, Dialect systemDialect, YamlNode node, Set<String> names) {
    Map<String, YamlNode> entries = node.entries("a file", FILE_KEYS);
    Optional<String> name = Optional.ofNullable(entries.get("name")).flatMap(n -> n.text("name"));
    Optional<String> pattern = Optional.ofNullable(entries.get("path"))
        .flatMap(p -> p.text("path"));
    if (name.isEmpty()) {
      node.problem("a file of system '" + system + "' needs 'name:'");
    } else if (!names.add(name.get())) {
      entries.get("name").problem("file name '" + name.get() + "' is used twice in " + system);
    }
    if (pattern.isEmpty()) {
      node.problem("file " + name.orElse("?") + " of system '" + system + "' needs 'path:'");
    }
    Dialect dialect = Optional.ofNullable(entries.get("dialect"))
        .map(d -> DialectParser.parse(d, systemDialect))
        .orElse(systemDialect);
    if (!dialect.header() && dialect.columns().isEmpty()) {
      node.problem("a file without a header line needs dialect 'columns: [...]'");
    }
    List<FacetMapping> facets = new ArrayList<>();
    for (Facet facet : Facet.values()) {
      YamlNode facetNode = entries.get(facet.key());
      if (facetNode != null) {
        FacetParser.parse(facet, facetNode).ifPresent(facets::add);
      }
    }
    if (facets.isEmpty()) {
      node.problem("file " + name.orElse("?")
          + " maps no facet: give it party:, activity: or consent:");
    }
    if (name.isEmpty() || pattern.isEmpty()) {
      return Optional.empty();
    }
    List<Path> paths = paths(base, pattern.get(), entries.get("path"));
    for (Path path : paths) {
      checkColumns(path, dialect, facets, entries.get("path"));
    }
    return Optional.of(
        new SourceFile(system, name.get(), pattern.get(), paths, dialect, facets, node.line()));
  }

  private static List<Path> paths(Path base, String pattern, YamlNode node) {
    try {
      List<Path> paths = SourcePaths.resolve(base, pattern);
      if (paths.isEmpty()) {
        node.problem("no file matches '" + pattern + "' (looked in "
            + base.resolve(pattern).normalize().getParent() + ")");
      }
      return paths;
    } catch (IOException e) {
      node.problem("cannot list '" + pattern + "': " + e.getMessage());
      return List.of();
    }
  }

  /** Every column a mapping names must be in the file's header. */
  private static void checkColumns(
      Path path, Dialect dialect, List<FacetMapping> facets, YamlNode pathNode) {
    List<String> columns;
    try {
      columns = SourcePaths.columns(path, dialect);
    } catch (IOException | RuntimeException e) {
      pathNode.problem("cannot read the header of " + path + ": " + e.getMessage());
      return;
    }
    Set<String> duplicates = new LinkedHashSet<>();
    Set<String> distinct = new HashSet<>();
    for (String column : columns) {
      if (!distinct.add(column)) {
        duplicates.add(column);
      }
    }
    if (!duplicates.isEmpty()) {
      pathNode.problem(path.getFileName() + " names these columns twice: " + duplicates);
    }
    for (FacetMapping facet : facets) {
      List<FieldMapping> all = new ArrayList<>(facet.fields());
      all.addAll(facet.extras());
      for (FieldMapping field : all) {
        for (String column : field.source().columns()) {
          if (!distinct.contains(column)) {
            pathNode.problem("line " + field.line() + " (" + facet.facet().key() + "."
                + field.name() + ") reads column '" + column + "', which "
                + path.getFileName() + " does not have" + Problems.didYouMean(column, distinct)
                + " (columns: " + String.join(", ", columns) + ")");
          }
        }
      }
      facet.whenPresent().filter(c -> !distinct.contains(c)).ifPresent(c -> pathNode.problem(
          facet.facet().key() + ".when_present names column '" + c + "', which "
              + path.getFileName() + " does not have" + Problems.didYouMean(c, distinct)));
    }
  }
}
