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
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link LuceneBlocker#around}'s promise, checked against full blocking on many random nights:
 * the candidate pairs of a full run over the new data are the last run's pairs that touch no
 * re-derived or changed record, plus the pairs {@code around} returns; and those are exactly the
 * new full run's pairs that touch a re-derived record. Small name and postal pools and a small
 * cap make blocks cross the cap, records lose and find their block partners, and fuzzy look-ups
 * come and go; double surnames are blocked word by word too.
 */
class LuceneBlockerAroundTest {
  private static final String[] LAST = {"smith", "smyth", "smithe", "jones", "jonas", "lee",
      "li", "schmidt", "schmitt", "brown", "browne", "garcia", "garcie", "kim", "kym",
      "garcia lee", "smith  jones", "lee kim", "li li"};
  private static final String[] POSTAL = {"1", "2", "3", "4", "5", "6"};
  private static final String[] INITIAL = {"a", "b"};

  private static RuleSet rules(int cap) {
    Map<String, FieldSource> fields = new LinkedHashMap<>();
    for (String f : List.of("last", "postal", "initial")) {
      fields.put(f, new FieldSource(f, Optional.of("last_name"), Optional.empty(),
          Optional.empty()));
    }
    return new RuleSet(Path.of("rules.yaml"), "test", "1", "x", fields,
        List.of(new BlockingRule("last_and_postal", List.of("last", "postal")),
            new BlockingRule("last_and_initial", List.of("last", "initial")),
            new BlockingRule("last_word_and_postal", List.of("last", "postal"), true)),
        cap, Optional.of(new FuzzyLookup("last", 1, 1, Optional.of("initial"), 2)),
        List.of(new Comparison("last", "last",
            List.of(new LevelSpec(new Level.Exact(), 0.9, 0.1),
                new LevelSpec(new Level.Else(), 0.1, 0.9)), false)),
        new Thresholds(5, 1), Map.of(), List.of(), 1e-3);
  }

  /** One night's records: values per field, null for a record that is not there. */
  private record Night(String[] last, String[] postal, String[] initial) {
    PartyData data() {
      return PartyData.of(new String[last.length],
          Map.of("last", last, "postal", postal, "initial", initial));
    }

    Night copy() {
      return new Night(last.clone(), postal.clone(), initial.clone());
    }
  }

  @Test
  void aroundGivesExactlyThePairsThatChanged() {
    for (int seed = 0; seed < 150; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      int size = 30 + rng.nextInt(40);
      int cap = 3 + rng.nextInt(4);
      RuleSet rules = rules(cap);
      Night before = new Night(new String[size + 10], new String[size + 10],
          new String[size + 10]);
      for (int r = 0; r < size; r++) {
        set(before, r, rng);
      }
      Night after = before.copy();
      TreeSet<Integer> changedNow = new TreeSet<>();
      TreeSet<Integer> changedBefore = new TreeSet<>();
      int changes = 1 + rng.nextInt(6);
      for (int c = 0; c < changes; c++) {
        int r = rng.nextInt(size + 10);
        boolean was = before.last()[r] != null;
        if (was && rng.nextInt(3) == 0) {
          after.last()[r] = null;   // deleted
          after.postal()[r] = null;
          after.initial()[r] = null;
        } else {
          set(after, r, rng);       // edited, or added
        }
        if (was) {
          changedBefore.add(r);
        }
        if (after.last()[r] != null) {
          changedNow.add(r);
        } else {
          changedNow.remove(r);
        }
      }
      // Only the changed records' earlier versions are at hand, as in hcp.party_previous.
      Night previous = new Night(new String[size + 10], new String[size + 10],
          new String[size + 10]);
      for (int r : changedBefore) {
        previous.last()[r] = before.last()[r];
        previous.postal()[r] = before.postal()[r];
        previous.initial()[r] = before.initial()[r];
      }
      PartyData now = present(after);
      // Indexed in one part or several (ranges read as one): the pairs are the same.
      LuceneBlocker.Around around = new LuceneBlocker(rules, now, 1 + seed % 3).around(
          changedNow.stream().mapToInt(Integer::intValue).toArray(), previous.data(),
          changedBefore.stream().mapToInt(Integer::intValue).toArray());
      BitSet touched = new BitSet();
      Arrays.stream(around.rederived()).forEach(touched::set);
      changedNow.forEach(touched::set);
      changedBefore.forEach(touched::set);

      TreeSet<Long> fullBefore = pairs(new LuceneBlocker(rules, present(before)).run().pairs());
      TreeSet<Long> fullAfter = pairs(new LuceneBlocker(rules, now).run().pairs());
      assertThat(pairs(new LuceneBlocker(rules, now, 1 + (seed + 1) % 3).run().pairs()))
          .as("seed %d: indexed in parts", seed).isEqualTo(fullAfter);
      TreeSet<Long> kept = new TreeSet<>();
      for (long p : fullBefore) {
        if (!touched.get(PairList.left(p)) && !touched.get(PairList.right(p))) {
          kept.add(p);
        }
      }
      TreeSet<Long> incremental = new TreeSet<>(kept);
      incremental.addAll(pairs(around.pairs()));
      assertThat(incremental).as("seed %d: last run's untouched pairs + around = full", seed)
          .isEqualTo(fullAfter);
      for (long p : pairs(around.pairs())) {
        assertThat(touched.get(PairList.left(p)) || touched.get(PairList.right(p)))
            .as("seed %d: around's pairs touch a re-derived or changed record", seed).isTrue();
      }
    }
  }

  private static void set(Night night, int r, SplittableRandom rng) {
    night.last()[r] = LAST[rng.nextInt(LAST.length)];
    night.postal()[r] = POSTAL[rng.nextInt(POSTAL.length)];
    night.initial()[r] = INITIAL[rng.nextInt(INITIAL.length)];
  }

  /** Party data where records without a last name are absent. */
  private static PartyData present(Night night) {
    return night.data();
  }

  private static TreeSet<Long> pairs(PairList list) {
    TreeSet<Long> out = new TreeSet<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get(i));
    }
    return out;
  }
}
