package io.hcp360.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hcp360.config.ConfigException;
import io.hcp360.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurvivorshipTest {
  @TempDir Path dir;

  @Test
  void theShippedRulesAreValid() {
    Survivorship rules = Survivorship.load(
        Fixtures.repositoryRoot().resolve("matching-rules/survivorship.yaml"));
    assertThat(rules.attributes().get("npi"))
        .isEqualTo(new Survivorship.Choice(SurvivorshipRule.MOST_FREQUENT, true));
    assertThat(rules.sourcePriority()).startsWith("mdm");
    assertThat(rules.attributes()).containsKeys(Survivorship.COLUMNS.keySet().toArray(String[]::new));
  }

  @Test
  void everyMistakeIsReportedWithItsLine() throws IOException {
    Path file = dir.resolve("survivorship.yaml");
    Files.writeString(file, """
        default: most_recent
        attributes:
          frist_name: most_complete
          email: {rule: newest}
          phone: {rule: most_recent, valid_only: true}
          credential: source_priority
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> Survivorship.load(file));
    List<String> problems = e.problems().stream().map(p -> p.line() + ": " + p.message()).toList();
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("3: 'frist_name' is not a golden attribute; did you mean 'first_name'?"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("4: unknown survivorship rule 'newest'"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("5: valid_only applies to"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("6: credential uses source_priority but source_priority: [...] lists no"));
  }

  @Test
  void withoutAFileEveryAttributeTakesTheMostRecentValidValue() {
    Survivorship rules = Survivorship.besides(dir.resolve("rules.yaml"));
    assertThat(rules.attributes().values()).extracting(Survivorship.Choice::rule)
        .containsOnly(SurvivorshipRule.MOST_RECENT);
    assertThat(rules.attributes().get("npi").validOnly()).isTrue();
  }

  @Test
  void theRulesARunRecordsDoNotDependOnWhereTheFileIs() throws IOException {
    Path shipped = Fixtures.repositoryRoot().resolve("matching-rules/survivorship.yaml");
    Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("survivorship.yaml");
    Files.copy(shipped, moved);
    assertThat(Survivorship.load(moved).rules()).isEqualTo(Survivorship.load(shipped).rules());
    Files.writeString(moved, Files.readString(shipped)
        .replaceFirst("(?m)^(\\s*email:).*$", "$1 most_frequent"));
    assertThat(Survivorship.load(moved).rules()).isNotEqualTo(Survivorship.load(shipped).rules());
  }
}
