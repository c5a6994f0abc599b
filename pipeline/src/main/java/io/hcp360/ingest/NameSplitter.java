package io.hcp360.ingest;

import io.hcp360.config.NameFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a full name as sources write it ("SMITH, JOHN A", "Dr. John A. Smith, MD",
 * "Ludwig van Beethoven Jr") into title, first, middle and last name, suffix and credential. The
 * word lists are data files beside this class.
 */
final class NameSplitter {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Set<String> TITLES = words("name-titles.txt");
  private static final Set<String> CREDENTIALS = words("name-credentials.txt");
  private static final Set<String> SUFFIXES = words("name-suffixes.txt");
  private static final Set<String> PARTICLES = words("name-particles.txt");

  private NameSplitter() {}

  static NameParts split(String fullName, NameFormat format) {
    String text = SPACES.matcher(fullName.trim()).replaceAll(" ");
    List<String> parts = Arrays.stream(text.split(",")).map(String::trim)
        .filter(p -> !p.isEmpty()).toList();
    if (parts.isEmpty()) {
      return empty();
    }
    boolean lastFirst = switch (format) {
      case LAST_FIRST -> parts.size() > 1;
      case FIRST_LAST -> false;
      case AUTO -> parts.size() > 1 && !allQualifiers(parts.get(1));
    };
    Parts result = new Parts();
    List<String> trailing = new ArrayList<>(parts.subList(lastFirst ? 2 : 1, parts.size()));
    for (String t : trailing) {
      for (String word : t.split(" ")) {
        result.qualifier(word);
      }
    }
    if (lastFirst) {
      result.last = parts.get(0);
      List<String> given = new ArrayList<>(List.of(parts.get(1).split(" ")));
      while (!given.isEmpty() && TITLES.contains(key(given.get(0)))) {
        result.title(given.remove(0));
      }
      while (!given.isEmpty() && isQualifier(given.get(given.size() - 1))
          && !middleInitial(given)) {
        result.qualifier(given.remove(given.size() - 1));
      }
      result.given(given);
    } else {
      List<String> words = new ArrayList<>(List.of(parts.get(0).split(" ")));
      while (words.size() > 1 && TITLES.contains(key(words.get(0)))) {
        result.title(words.remove(0));
      }
      while (words.size() > 1 && isQualifier(words.get(words.size() - 1))) {
        result.qualifier(words.remove(words.size() - 1));
      }
      int lastStart = words.size() - 1;
      while (lastStart > 1 && PARTICLES.contains(key(words.get(lastStart - 1)))) {
        lastStart--;
      }
      result.last = String.join(" ", words.subList(lastStart, words.size()));
      result.given(words.subList(0, lastStart));
    }
    return result.toParts();
  }

  /**
   * A lone letter right after the given name ("DEL ROSARIO, REBECCA V") is her middle initial,
   * not the suffix V.
   */
  private static boolean middleInitial(List<String> given) {
    return given.size() == 2 && key(given.get(1)).length() == 1;
  }

  private static boolean allQualifiers(String part) {
    return Arrays.stream(part.split(" ")).allMatch(NameSplitter::isQualifier);
  }

  private static boolean isQualifier(String word) {
    String k = key(word);
    return CREDENTIALS.contains(k) || SUFFIXES.contains(k);
  }

  private static String key(String word) {
    return word.toLowerCase(Locale.ROOT).replace(".", "").replace("-", "");
  }

  private static NameParts empty() {
    return new Parts().toParts();
  }

  /** The parts found so far. */
  private static final class Parts {
    private final List<String> titles = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private final List<String> credentials = new ArrayList<>();
    private String first;
    private String middle;
    private String last;

    void title(String word) {
      titles.add(word);
    }

    void qualifier(String word) {
      if (SUFFIXES.contains(key(word))) {
        suffixes.add(word);
      } else {
        credentials.add(word);
      }
    }

    void given(List<String> words) {
      if (!words.isEmpty()) {
        first = words.get(0);
      }
      if (words.size() > 1) {
        middle = String.join(" ", words.subList(1, words.size()));
      }
    }

    NameParts toParts() {
      return new NameParts(joined(titles), Optional.ofNullable(first), Optional.ofNullable(middle),
          Optional.ofNullable(last).filter(s -> !s.isEmpty()), joined(suffixes),
          joined(credentials));
    }

    private static Optional<String> joined(List<String> words) {
      return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
    }
  }

  private static Set<String> words(String resource) {
    try (InputStream in = NameSplitter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Set<String> words = new HashSet<>();
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(l -> words.add(key(l)));
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
