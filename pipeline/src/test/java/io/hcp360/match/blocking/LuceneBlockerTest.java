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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LuceneBlockerTest {

  private static RuleSet rules(int cap, Optional<FuzzyLookup> fuzzy) {
    Map<String, FieldSource> fields = new LinkedHashMap<>();
    for (String f : List.of("last", "postal", "initial")) {
      fields.put(f, new FieldSource(f, Optional.of("last_name"), Optional.empty(),
          Optional.empty()));
    }
    return new RuleSet(Path.of("rules.yaml"), "test", "1", "x", fields,
        List.of(new BlockingRule("last_and_postal", List.of("last", "postal")),
            new BlockingRule("postal", List.of("postal"))),
        cap, fuzzy,
        List.of(new Comparison("last", "last",
            List.of(new LevelSpec(new Level.Exact(), 0.9, 0.1),
                new LevelSpec(new Level.Else(), 0.1, 0.9)), false)),
        new Thresholds(5, 1), Map.of(), List.of(), 1e-3);
  }

  private static List<String> pairs(PairList list) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(PairList.left(list.get(i)) + "-" + PairList.right(list.get(i)));
    }
    return out;
  }

  @Test
  void recordsSharingAllFieldsOfARuleArePairedOnceAndBigBlocksAreReported() {
    // Records 0-2 share last name and postal code; 3-7 share a postal code (5 > cap of 4).
    String[] last = {"smith", "smith", "smith", "a", "b", "c", "d", "e"};
    String[] postal = {"10001", "10001", "10001", "20002", "20002", "20002", "20002", "20002"};
    PartyData data = PartyData.of(new String[8],
        Map.of("last", last, "postal", postal, "initial", new String[8]));
    LuceneBlocker.Result result = new LuceneBlocker(rules(4, Optional.empty()), data).run();
    assertThat(pairs(result.pairs())).containsExactly("0-1", "0-2", "1-2");
    BlockingReport.RuleFigures byPostal = result.report().rules().get(1);
    assertThat(byPostal.pairs()).isEqualTo(3);
    assertThat(byPostal.capped()).containsExactly(new BlockingReport.Block("20002", 5));
    assertThat(byPostal.cappedRecords()).isEqualTo(5);
    assertThat(byPostal.largest().get(0)).isEqualTo(new BlockingReport.Block("20002", 5));
    assertThat(result.report().rules().get(0).largest())
        .containsExactly(new BlockingReport.Block("smith|10001", 3));
    assertThat(result.report().pairs()).isEqualTo(3);
  }

  @Test
  void aRecordWithNoCandidateFindsItsNearMissByFuzzyLookUp() {
    // "schmidt" (0) and "schmitd" (1) share no block; "jones" (2) is far from both.
    String[] last = {"schmidt", "schmitd", "jones"};
    String[] postal = {"1", "2", "3"};
    String[] initial = {"a", "a", "a"};
    PartyData data = PartyData.of(new String[3],
        Map.of("last", last, "postal", postal, "initial", initial));
    LuceneBlocker.Result result = new LuceneBlocker(
        rules(100, Optional.of(new FuzzyLookup("last", 2, 1, Optional.of("initial"), 5))), data)
        .run();
    assertThat(pairs(result.pairs())).containsExactly("0-1");
    assertThat(result.report().fuzzy().orphans()).isEqualTo(3);
    assertThat(result.report().fuzzy().found()).isEqualTo(2);
  }

  @Test
  void theFuzzyLookUpRespectsItsSameField() {
    String[] last = {"schmidt", "schmitd"};
    PartyData data = PartyData.of(new String[2], Map.of("last", last,
        "postal", new String[] {"1", "2"}, "initial", new String[] {"a", "b"}));
    LuceneBlocker.Result result = new LuceneBlocker(
        rules(100, Optional.of(new FuzzyLookup("last", 2, 1, Optional.of("initial"), 5))), data)
        .run();
    assertThat(result.pairs().size()).isZero();
  }

  @Test
  void aWordRuleBlocksDoubleSurnamesWithEachOfTheirWords() {
    // "moreno munoz" (0) shares a word with "moreno" (1) and "munoz" (2); "garcia" (3) none.
    Map<String, FieldSource> fields = new LinkedHashMap<>();
    for (String f : List.of("last", "initial")) {
      fields.put(f, new FieldSource(f, Optional.of("last_name"), Optional.empty(),
          Optional.empty()));
    }
    RuleSet rules = new RuleSet(Path.of("rules.yaml"), "test", "1", "x", fields,
        List.of(new BlockingRule("surname_word", List.of("last", "initial"), true)), 100,
        Optional.empty(),
        List.of(new Comparison("last", "last",
            List.of(new LevelSpec(new Level.Exact(), 0.9, 0.1),
                new LevelSpec(new Level.Else(), 0.1, 0.9)), false)),
        new Thresholds(5, 1), Map.of(), List.of(), 1e-3);
    PartyData data = PartyData.of(new String[4], Map.of(
        "last", new String[] {"moreno munoz", "moreno", "munoz", "garcia"},
        "initial", new String[] {"p", "p", "p", "p"}));
    LuceneBlocker.Result result = new LuceneBlocker(rules, data).run();
    assertThat(pairs(result.pairs())).containsExactly("0-1", "0-2");
  }
}
