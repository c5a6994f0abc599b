package io.hcp360.match.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.Level;
import io.hcp360.match.rules.LevelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every kind of level against golden value pairs (golden/comparisons/levels.csv). */
class ComparisonEvaluatorTest {

  private static Level level(String spec) {
    String[] parts = spec.split(":");
    return switch (parts[0]) {
      case "exact" -> new Level.Exact();
      case "jaro_winkler" -> new Level.JaroWinkler(Double.parseDouble(parts[1]));
      case "levenshtein" -> new Level.Levenshtein(Integer.parseInt(parts[1]));
      case "prefix" -> new Level.Prefix(Integer.parseInt(parts[1]));
      case "shares_token" -> new Level.SharesToken();
      default -> throw new IllegalArgumentException(spec);
    };
  }

  @ParameterizedTest(name = "{0}: {1} ~ {2} -> {3}")
  @CsvFileSource(resources = "/golden/comparisons/levels.csv", numLinesToSkip = 2)
  void levels(String spec, String left, String right, int expected) {
    PartyData data = PartyData.of(new String[2], Map.of("f", new String[] {left, right}));
    Comparison comparison = new Comparison("c", "f", List.of(
        new LevelSpec(level(spec), 0.9, 0.1), new LevelSpec(new Level.Else(), 0.1, 0.9)), false);
    assertThat(new ComparisonEvaluator(comparison, data).level(0, 1)).isEqualTo((byte) expected);
  }

  @Test
  void theFirstLevelThatHoldsWins() {
    PartyData data = PartyData.of(new String[2], Map.of("f", new String[] {"smith", "smith"}));
    Comparison comparison = new Comparison("c", "f", List.of(
        new LevelSpec(new Level.JaroWinkler(0.8), 0.5, 0.1),
        new LevelSpec(new Level.Exact(), 0.4, 0.01),
        new LevelSpec(new Level.Else(), 0.1, 0.89)), false);
    assertThat(new ComparisonEvaluator(comparison, data).level(0, 1)).isEqualTo((byte) 0);
  }

  @Test
  void namesInTheWrongOrderAreSwapped() {
    PartyData data = PartyData.of(new String[2], Map.of(
        "first", new String[] {"garcia", "maria"},
        "last", new String[] {"maria", "garcia"}));
    Comparison comparison = new Comparison("c", "first", List.of(
        new LevelSpec(new Level.Exact(), 0.9, 0.01),
        new LevelSpec(new Level.Swapped("last"), 0.05, 0.0001),
        new LevelSpec(new Level.Else(), 0.05, 0.99)), false);
    assertThat(new ComparisonEvaluator(comparison, data).level(0, 1)).isEqualTo((byte) 1);
  }

  @Test
  void termFrequencyMakesACommonValueWeighLessThanARareOne() {
    // "smith" held by 4 records, "zappa" by 2: an exact match on zappa weighs more.
    String[] last = {"smith", "smith", "smith", "smith", "zappa", "zappa"};
    PartyData data = PartyData.of(new String[6], Map.of("last", last));
    Comparison comparison = new Comparison("last", "last", List.of(
        new LevelSpec(new Level.Exact(), 0.9, 0.2), new LevelSpec(new Level.Else(), 0.1, 0.8)),
        true);
    io.hcp360.match.rules.RuleSet rules = new io.hcp360.match.rules.RuleSet(
        java.nio.file.Path.of("r.yaml"), "r", "1", "x", Map.of(), List.of(), 10,
        java.util.Optional.empty(), List.of(comparison),
        new io.hcp360.match.rules.Thresholds(1, 0), Map.of(), List.of(), 1e-3);
    Scorer scorer = new Scorer(rules, Parameters.initial(rules), data);
    double smith = scorer.weight(0, scorer.levels(0, 1)[0], 0);
    double zappa = scorer.weight(0, scorer.levels(4, 5)[0], 4);
    assertThat(zappa).isGreaterThan(smith);
  }

  @Test
  void aLevelMayTestAnotherFieldSoThatFieldsThatGoTogetherCountOnce() {
    // location: same street address, else same postal code, else same city, else.
    PartyData data = PartyData.of(new String[4], Map.of(
        "address", new String[] {"1 main st", "9 oak rd", null, "1 main st"},
        "postal", new String[] {"10001", "10001", "10001", "20002"},
        "city", new String[] {"new york", "new york", null, "boston"}));
    Comparison location = new Comparison("location", "address", List.of(
        new LevelSpec(new Level.Exact(), 0.6, 0.001),
        new LevelSpec(new Level.Exact(), 0.2, 0.01, java.util.Optional.of("postal")),
        new LevelSpec(new Level.Exact(), 0.1, 0.05, java.util.Optional.of("city")),
        new LevelSpec(new Level.Else(), 0.1, 0.9)), false);
    ComparisonEvaluator evaluator = new ComparisonEvaluator(location, data);
    assertThat(evaluator.level(0, 3)).as("same address, other postal code").isEqualTo((byte) 0);
    assertThat(evaluator.level(0, 1)).as("other address, same postal code").isEqualTo((byte) 1);
    assertThat(evaluator.level(0, 2)).as("no address on one side").isEqualTo((byte) 1);
    assertThat(evaluator.level(1, 3)).as("nothing in common").isEqualTo((byte) 3);
    assertThat(location.fields()).containsExactly("address", "postal", "city");
    assertThat(location.levels().get(1).label()).isEqualTo("postal:exact");
  }

  @Test
  void bothPresentAfterExactMeansTwoDifferentKnownValues() {
    // email: same address, else same organisation domain, else two organisations, else.
    PartyData data = PartyData.of(new String[4], Map.of(
        "email", new String[] {"a@uk-koeln.de", "b@uk-koeln.de", "a@charite.de", "a@gmail.com"},
        "domain", new String[] {"uk-koeln.de", "uk-koeln.de", "charite.de", null}));
    Comparison email = new Comparison("email", "email", List.of(
        new LevelSpec(new Level.Exact(), 0.5, 0.001),
        new LevelSpec(new Level.Exact(), 0.2, 0.01, java.util.Optional.of("domain")),
        new LevelSpec(new Level.BothPresent(), 0.05, 0.5, java.util.Optional.of("domain")),
        new LevelSpec(new Level.Else(), 0.25, 0.5)), false);
    ComparisonEvaluator evaluator = new ComparisonEvaluator(email, data);
    assertThat(evaluator.level(0, 0)).isEqualTo((byte) 0);
    assertThat(evaluator.level(0, 1)).as("one organisation").isEqualTo((byte) 1);
    assertThat(evaluator.level(0, 2)).as("two organisations").isEqualTo((byte) 2);
    assertThat(evaluator.level(0, 3)).as("a private address says nothing").isEqualTo((byte) 3);
  }
}
