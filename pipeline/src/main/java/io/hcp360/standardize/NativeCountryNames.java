package io.hcp360.standardize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names of the countries in the languages spoken there (keys of {@link Text#key}), to their
 * ISO 3166 alpha-2 codes, from the JDK's locale data: the first country that has a name keeps
 * it.
 *
 * <p>Gathering them loads the display names of every locale: 0.45 s of one core, and the
 * compiler's work on the JDK's locale parsing besides, in every run. So a copy is kept in a
 * folder (the data folder's {@code cache}), one file per JDK version and locale providers (the
 * names come from them), written whole or not at all; a run reads it in a few milliseconds.
 * On the 2-core benchmark machine a night's first step started 2.25-2.31 s after the process
 * with the kept copy, against 2.78-3.00 s while the names were gathered beside the start
 * (README, "Afternoon on 2026-12-01").
 */
final class NativeCountryNames {
  private static final Logger LOG = LoggerFactory.getLogger(NativeCountryNames.class);
  private static final String END = "end ";

  private NativeCountryNames() {}

  /** The names from the copy kept in {@code folder}, or gathered (and kept there) without one. */
  static Map<String, String> readOrGather(Optional<Path> folder) {
    Optional<Path> file = folder.map(f -> f.resolve(fileName()));
    Optional<Map<String, String>> kept = file.flatMap(NativeCountryNames::read);
    if (kept.isPresent()) {
      return kept.get();
    }
    Map<String, String> names = gather();
    file.ifPresent(f -> write(f, names));
    return names;
  }

  /** The names as the JDK gives them. */
  static Map<String, String> gather() {
    Map<String, List<Locale>> languagesByCountry = new HashMap<>();
    for (Locale language : Locale.getAvailableLocales()) {
      languagesByCountry.computeIfAbsent(language.getCountry(), c -> new ArrayList<>())
          .add(language);
    }
    Map<String, String> names = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = Locale.of("", code);
      for (Locale language : languagesByCountry.getOrDefault(code, List.of())) {
        String name = Text.key(country.getDisplayCountry(language));
        if (name != null) {
          names.putIfAbsent(name, code);
        }
      }
    }
    return names;
  }

  /** The file of this JDK's names: its version, and the locale providers when they are chosen. */
  static String fileName() {
    String providers = System.getProperty("java.locale.providers", "");
    String key = Runtime.version() + (providers.isEmpty() ? "" : "-" + providers);
    return "country-names-" + key.replaceAll("[^A-Za-z0-9.+_-]", "_") + ".tsv";
  }

  /** A kept copy: "name TAB code" lines, then "end " and their count; empty if not whole. */
  private static Optional<Map<String, String>> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.getLast().equals(END + (lines.size() - 1))) {
        LOG.debug("  {} is not whole: the country names are gathered again", file);
        return Optional.empty();
      }
      Map<String, String> names = HashMap.newHashMap(lines.size());
      for (String line : lines.subList(0, lines.size() - 1)) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          return Optional.empty();
        }
        names.put(line.substring(0, tab), line.substring(tab + 1));
      }
      return Optional.of(names);
    } catch (IOException | RuntimeException e) {
      LOG.debug("  could not read {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Writes a copy beside the file, then moves it in place; a failure only costs the copy. */
  private static void write(Path file, Map<String, String> names) {
    if (names.keySet().stream().anyMatch(name -> name.indexOf('\t') >= 0
        || name.indexOf('\n') >= 0)) {
      return;  // not one name per line: gathered again next time
    }
    StringBuilder text = new StringBuilder();
    names.forEach((name, code) -> text.append(name).append('\t').append(code).append('\n'));
    text.append(END).append(names.size()).append('\n');
    Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.debug("  could not keep the country names in {}: {}", file, e.getMessage());
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // nothing more to do: the next run gathers them again
      }
    }
  }
}
