package io.hcp360.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Collects every problem of a configuration file so that all are reported at once. */
public final class Problems {
  private final List<ConfigProblem> problems = new ArrayList<>();

  public Problems() {}

  public void add(Path file, int line, String message) {
    problems.add(new ConfigProblem(file, line, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** ", did you mean 'x'?" for the closest of {@code known}, when one is close enough. */
  public static String didYouMean(String word, Collection<String> known) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    Optional<String> best =
        known.stream()
            .min(Comparator.comparingInt(k -> distance.apply(k.toLowerCase(), word.toLowerCase())));
    if (best.isPresent()) {
      int d = distance.apply(best.get().toLowerCase(), word.toLowerCase());
      if (d <= Math.max(2, word.length() / 3)) {
        return "; did you mean '" + best.get() + "'?";
      }
    }
    return "";
  }
}
