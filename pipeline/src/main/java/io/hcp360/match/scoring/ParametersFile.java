package io.hcp360.match.scoring;

import io.hcp360.Hcp360Exception;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.RuleSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Trained parameters saved beside their rule set ({@code NAME.trained.yaml}). */
public final class ParametersFile {
  private ParametersFile() {}

  /** The saved parameters if they were trained for this version of the rule set. */
  public static Optional<Parameters> read(RuleSet rules) {
    Path file = rules.trainedFile();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> root = new Yaml(new LoaderOptions()).load(reader);
      if (!rules.fingerprint().equals(String.valueOf(root.get("fingerprint")))) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Map<String, Object>>> comparisons =
          (Map<String, Map<String, Map<String, Object>>>) root.get("comparisons");
      double[][] m = new double[rules.comparisons().size()][];
      double[][] u = new double[rules.comparisons().size()][];
      for (int c = 0; c < m.length; c++) {
        Comparison comparison = rules.comparisons().get(c);
        Map<String, Map<String, Object>> levels = comparisons.get(comparison.name());
        m[c] = new double[comparison.levels().size()];
        u[c] = new double[comparison.levels().size()];
        for (int l = 0; l < m[c].length; l++) {
          Map<String, Object> level = levels.get(comparison.levels().get(l).label());
          m[c][l] = ((Number) level.get("m")).doubleValue();
          u[c][l] = ((Number) level.get("u")).doubleValue();
        }
      }
      return Optional.of(new Parameters(rules.name(), rules.version(), rules.fingerprint(), m, u,
          ((Number) root.get("matches_per_record")).doubleValue(),
          ((Number) root.get("trained_on_records")).intValue(),
          String.valueOf(root.get("trained_at"))));
    } catch (IOException | RuntimeException e) {
      throw new Hcp360Exception("cannot read the trained parameters " + file + ": "
          + e.getMessage() + " (delete it and run `hcp360 train` again)", e);
    }
  }

  public static void write(RuleSet rules, Parameters parameters) {
    StringBuilder out = new StringBuilder();
    out.append("# Trained by `hcp360 train` for ").append(rules.file().getFileName())
        .append(": m and u per comparison level.\n")
        .append("# A run uses these while the rule set's fingerprint matches; train again after"
            + " changing the rules.\n");
    out.append("rule_set: ").append(rules.name()).append('\n');
    out.append("version: \"").append(rules.version()).append("\"\n");
    out.append("fingerprint: \"").append(rules.fingerprint()).append("\"\n");
    out.append("trained_at: \"").append(parameters.trainedAt()).append("\"\n");
    out.append("trained_on_records: ").append(parameters.trainedOn()).append('\n');
    out.append("matches_per_record: ").append(number(parameters.matchesPerRecord())).append('\n');
    out.append("comparisons:\n");
    for (int c = 0; c < rules.comparisons().size(); c++) {
      Comparison comparison = rules.comparisons().get(c);
      out.append("  ").append(comparison.name()).append(":\n");
      for (int l = 0; l < comparison.levels().size(); l++) {
        out.append("    \"").append(comparison.levels().get(l).label())
            .append("\": {m: ").append(number(parameters.m()[c][l]))
            .append(", u: ").append(number(parameters.u()[c][l])).append("}\n");
      }
    }
    try {
      Files.writeString(rules.trainedFile(), out.toString());
    } catch (IOException e) {
      throw new Hcp360Exception("cannot write " + rules.trainedFile() + ": " + e.getMessage(), e);
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }
}
