package io.hcp360.consent;

import io.hcp360.config.Problems;
import io.hcp360.config.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the market rule files of a folder ({@code markets/} beside the job file), one per market
 * named by its ISO 3166 alpha-2 code ({@code DE.yaml}). Every problem of every file is reported
 * at once, with file and line.
 *
 * <pre>
 * regime: opt_in                # or opt_out
 * expiry_months: 24             # or {email: 12, default: 24}; optional
 * channels: [email, phone]      # optional; default every channel
 * purposes: [promotional]       # optional; default every purpose
 * </pre>
 */
public final class MarketRulesLoader {
  /** The folder, beside the job file, that holds the market rule files. */
  public static final String FOLDER = "markets";
  private static final Set<String> KEYS = Set.of("regime", "expiry_months", "channels", "purposes");

  private MarketRulesLoader() {}

  /** The market folder of a job file. */
  public static Path folderOf(Path jobFile) {
    return jobFile.toAbsolutePath().normalize().resolveSibling(FOLDER);
  }

  /**
   * The rules of every market in a folder, by market code; empty when there is no such folder.
   *
   * @throws io.hcp360.config.ConfigException listing every problem found
   */
  public static Map<String, MarketRules> load(Path folder) {
    Map<String, MarketRules> markets = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return markets;
    }
    Problems problems = new Problems();
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted()
          .toList();
    } catch (IOException e) {
      problems.add(folder, 0, "cannot list the market rule files: " + e.getMessage());
      files = List.of();
    }
    for (Path file : files) {
      String market = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      if (!market.matches("[A-Z]{2}")) {
        problems.add(file, 1, "a market file is named by its ISO 3166 alpha-2 code in capitals"
            + " (DE.yaml, US.yaml), not '" + file.getFileName() + "'");
        continue;
      }
      if (markets.containsKey(market)) {
        problems.add(file, 1, "market " + market + " has two rule files");
        continue;
      }
      YamlNode.parse(file, problems).flatMap(root -> market(market, root))
          .ifPresent(rules -> markets.put(market, rules));
    }
    problems.throwIfAny();
    return markets;
  }

  private static Optional<MarketRules> market(String market, YamlNode root) {
    Map<String, YamlNode> entries = root.entries("a market file", KEYS);
    Optional<Regime> regime = Optional.empty();
    YamlNode regimeNode = entries.get("regime");
    if (regimeNode == null) {
      root.problem("market " + market + " needs 'regime: opt_in' or 'regime: opt_out'");
    } else {
      regime = regimeNode.text("regime").flatMap(t -> regime(t, regimeNode));
    }
    List<String> channels = names(entries.get("channels"), "channels", MarketRules.CHANNELS);
    List<String> purposes = names(entries.get("purposes"), "purposes", MarketRules.PURPOSES);
    Map<String, Integer> expiry = new HashMap<>();
    OptionalInt defaultExpiry = expiry(entries.get("expiry_months"), expiry);
    if (regime.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MarketRules(market, regime.get(), channels, purposes, expiry, defaultExpiry));
  }

  private static Optional<Regime> regime(String text, YamlNode node) {
    for (Regime regime : Regime.values()) {
      if (regime.key().equals(text)) {
        return Optional.of(regime);
      }
    }
    node.problem("regime must be opt_in or opt_out, not '" + text + "'");
    return Optional.empty();
  }

  /** A list of known names; every known name when the key is absent. */
  private static List<String> names(YamlNode node, String what, List<String> known) {
    if (node == null) {
      return known;
    }
    List<String> names = new ArrayList<>();
    for (String name : node.texts(what)) {
      if (!known.contains(name)) {
        node.problem("unknown " + what.substring(0, what.length() - 1) + " '" + name + "'"
            + Problems.didYouMean(name, known) + " (known: " + String.join(", ", known) + ")");
      } else if (names.contains(name)) {
        node.problem(what + " names '" + name + "' twice");
      } else {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      node.problem(what + " must name at least one of " + String.join(", ", known));
    }
    return names;
  }

  /** Fills {@code perChannel} and gives the expiry for every other channel. */
  private static OptionalInt expiry(YamlNode node, Map<String, Integer> perChannel) {
    if (node == null) {
      return OptionalInt.empty();
    }
    if (node.isScalar()) {
      return months(node);
    }
    Set<String> allowed = new HashSet<>(MarketRules.CHANNELS);
    allowed.add("default");
    OptionalInt fallback = OptionalInt.empty();
    for (Map.Entry<String, YamlNode> e : node.entries("expiry_months", allowed).entrySet()) {
      OptionalInt months = months(e.getValue());
      if (months.isPresent() && e.getKey().equals("default")) {
        fallback = months;
      } else if (months.isPresent()) {
        perChannel.put(e.getKey(), months.getAsInt());
      }
    }
    return fallback;
  }

  private static OptionalInt months(YamlNode node) {
    Optional<Integer> months = node.integer("expiry_months");
    if (months.isPresent() && months.get() < 1) {
      node.problem("expiry_months must be at least 1, not " + months.get());
      return OptionalInt.empty();
    }
    return months.map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
