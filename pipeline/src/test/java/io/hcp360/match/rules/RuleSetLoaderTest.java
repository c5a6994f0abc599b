package io.hcp360.match.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hcp360.config.ConfigException;
import io.hcp360.config.ConfigProblem;
import io.hcp360.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetLoaderTest {
  @TempDir Path dir;

  @Test
  void theShippedRuleSetIsValid() {
    RuleSet rules = RuleSetLoader.load(
        Fixtures.repositoryRoot().resolve("matching-rules/hcp.yaml"));
    assertThat(rules.name()).isEqualTo("hcp");
    assertThat(rules.comparisons()).isNotEmpty();
    assertThat(rules.blocking()).isNotEmpty();
    assertThat(rules.hardRules()).extracting(HardRule::label)
        .contains("never_merge_different:npi", "always_merge_same:npi");
    assertThat(rules.fields().get("npi").validIf()).contains("npi_valid");
    assertThat(rules.trainedFile().getFileName().toString()).isEqualTo("hcp.trained.yaml");
    assertThat(rules.hardRules()).extracting(HardRule::label)
        .contains("never_merge_different:suffix");
  }

  @Test
  void levelsOnOtherFieldsWordBlocksAndTheAmbiguityThresholdsAreRead() throws IOException {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, """
        name: places
        fields:
          last: {column: last_name_std}
          initial: {column: first_initial}
          address: {column: address_std}
          postal: {column: postal_code_std}
        blocking:
          rules:
            - {name: surname_word, fields: [last, initial], words: true}
        comparisons:
          - name: location
            field: address
            levels:
              - {exact: true}
              - {exact: true, field: postal}
              - {else: true}
        thresholds: {match: 3, review: 2, together: 1.5, ambiguity_margin: 3, certain: 10}
        """);
    RuleSet rules = RuleSetLoader.load(file);
    assertThat(rules.blocking().get(0).words()).isTrue();
    assertThat(rules.comparisons().get(0).fieldOf(1)).isEqualTo("postal");
    assertThat(rules.thresholds()).isEqualTo(new Thresholds(3, 2, 3, 10, 1.5));
  }

  @Test
  void mistakesInLevelFieldsAndAmbiguityThresholdsAreReported() throws IOException {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, """
        name: broken
        fields:
          address: {column: address_std}
        comparisons:
          - name: location
            field: address
            levels:
              - {exact: true, field: postcode}
              - {else: true}
        thresholds: {match: 3, review: 2, certain: 1}
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> RuleSetLoader.load(file));
    List<String> problems = e.problems().stream().map(p -> p.line() + ": " + p.message()).toList();
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("8: 'postcode' is not a field"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("10: certain (1.0) is below the match threshold (3.0)"));
  }

  @Test
  void everyMistakeIsReportedWithItsLine() throws IOException {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, """
        name: broken
        fields:
          first: {column: first_name_stdd}
          npi: {column: npi, valid_if: npi_ok}
        blocking:
          rules:
            - {name: by_first, fields: [frist]}
          fuzzy: {field: first, max_edits: 3}
        comparisons:
          - name: first
            field: first
            levels:
              - {jaro_winkler: 1.5}
              - {exact: true}
          - name: npi
            field: npi
            levels:
              - {exact: true, m: 2}
              - {else: true}
        thresholds: {match: 1, review: 5}
        hard_rules:
          - {never_merge_different: nip}
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> RuleSetLoader.load(file));
    List<String> problems = e.problems().stream().map(p -> p.line() + ": " + p.message()).toList();
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("3: hcp.party has no column"
        + " 'first_name_stdd'; did you mean 'first_name_std'?"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("4: valid_if must be one of"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("7: 'frist' is not a field"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("8: max_edits must be 1 or 2"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("13: a Jaro-Winkler threshold is between 0 and 1"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("18: m and u are probabilities"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("20: the review threshold (5.0) is above the match threshold (1.0)"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("22: 'nip' is not a field"));
    assertThat(e.problems()).extracting(ConfigProblem::file).containsOnly(file.toAbsolutePath());
  }
}
