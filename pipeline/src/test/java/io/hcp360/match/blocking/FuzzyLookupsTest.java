package io.hcp360.match.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.BlockingRule;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.FieldSource;
import io.hcp360.match.rules.FuzzyLookup;
import io.hcp360.match.rules.Level;
import io.hcp360.match.rules.LevelSpec;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.Thresholds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every record's look-up over the distinct values gives what the full run's Lucene query over
 * every record gives, pair for pair and in order: values packed so densely that many more than
 * the query's 50 expansions are within reach, with ties of boost between terms and between
 * records, values shorter than the prefix, characters outside ASCII and outside the BMP, absent
 * values and absent same-field values.
 */
class FuzzyLookupsTest {
  private static final String[] LETTERS = {"a", "b", "c", "d", "é", "ü", "\uD834\uDD1E"};

  @Test
  void lookUpsOverTheDistinctValuesAreTheFullRunsLookUps() {
    int checked = 0;
    long pairs = 0;
    for (int seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      int n = 2_500;
      String[] last = new String[n];
      String[] initial = new String[n];
      String[] postal = new String[n];
      for (int r = 0; r < n; r++) {
        last[r] = random.nextInt(40) == 0 ? null : word(random);
        initial[r] = random.nextInt(30) == 0 ? null : LETTERS[random.nextInt(2)];
        postal[r] = Integer.toString(r);  // no block pairs anything: every record looks up
      }
      PartyData data = PartyData.of(new String[n],
          Map.of("last", last, "initial", initial, "postal", postal));
      for (FuzzyLookup lookup : List.of(
          new FuzzyLookup("last", 1, 1, Optional.of("initial"), 10),
          new FuzzyLookup("last", 2, 1, Optional.of("initial"), 200),
          new FuzzyLookup("last", 1, 0, Optional.empty(), 60),
          new FuzzyLookup("last", 2, 2, Optional.empty(), 5))) {
        LuceneBlocker blocker = new LuceneBlocker(rules(lookup), data, 1 + seed % 2);
        int[] all = IntStream.range(0, n).toArray();
        Map<Integer, long[]> expected = blocker.fullRunLookUps(all);
        try (FuzzyLookups lookups = new FuzzyLookups(data, lookup)) {
          for (int r : all) {
            assertThat(lookups.topHits(r)).as("record %d (%s, %s) with %s", r, last[r],
                initial[r], lookup).containsExactly(expected.get(r));
            pairs += expected.get(r).length;
            checked++;
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    assertThat(checked).isEqualTo(4 * 4 * 2_500);
    assertThat(pairs).as("look-ups that found something").isGreaterThan(60_000);
  }

  /** One to six letters of seven, most of them of the first four: dense neighbourhoods. */
  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(6);
    for (int i = 0; i < length; i++) {
      word.append(LETTERS[random.nextInt(10) < 9 ? random.nextInt(4) : random.nextInt(7)]);
    }
    return word.toString();
  }

  private static RuleSet rules(FuzzyLookup lookup) {
    Map<String, FieldSource> fields = new LinkedHashMap<>();
    for (String f : List.of("last", "initial", "postal")) {
      fields.put(f, new FieldSource(f, Optional.of("last_name"), Optional.empty(),
          Optional.empty()));
    }
    return new RuleSet(Path.of("rules.yaml"), "test", "1", "x", fields,
        List.of(new BlockingRule("postal", List.of("postal"))), 100, Optional.of(lookup),
        List.of(new Comparison("last", "last",
            List.of(new LevelSpec(new Level.Exact(), 0.9, 0.1),
                new LevelSpec(new Level.Else(), 0.1, 0.9)), false)),
        new Thresholds(5, 1), Map.of(), List.of(), 1e-3);
  }
}
