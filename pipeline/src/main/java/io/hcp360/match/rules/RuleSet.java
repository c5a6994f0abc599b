package io.hcp360.match.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled, validated matching rule set (written by a person in {@code matching-rules/*.yaml}).
 *
 * @param version the version the person gives it; with {@code fingerprint}, what trained
 *     parameters and every decision record
 * @param fingerprint a hash of the file's content
 * @param blockCap blocks with more records than this are not paired (and are reported)
 * @param marketThresholds thresholds for pairs whose records are both of one market (country)
 */
public record RuleSet(
    Path file,
    String name,
    String version,
    String fingerprint,
    Map<String, FieldSource> fields,
    List<BlockingRule> blocking,
    int blockCap,
    Optional<FuzzyLookup> fuzzy,
    List<Comparison> comparisons,
    Thresholds thresholds,
    Map<String, Thresholds> marketThresholds,
    List<HardRule> hardRules,
    double prior) {

  public RuleSet {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    fields = Map.copyOf(fields);
    blocking = List.copyOf(blocking);
    Objects.requireNonNull(fuzzy, "fuzzy");
    comparisons = List.copyOf(comparisons);
    Objects.requireNonNull(thresholds, "thresholds");
    marketThresholds = Map.copyOf(marketThresholds);
    hardRules = List.copyOf(hardRules);
  }

  /** "name v1 (fingerprint)", as decisions record it. */
  public String label() {
    return name + " v" + version + " (" + fingerprint + ")";
  }

  /** The path of this rule set's trained parameters: beside it, {@code NAME.trained.yaml}. */
  public Path trainedFile() {
    String fileName = file.getFileName().toString();
    String base = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
        : fileName;
    return file.resolveSibling(base + ".trained.yaml");
  }
}
