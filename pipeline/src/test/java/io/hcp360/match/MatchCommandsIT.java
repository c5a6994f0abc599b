package io.hcp360.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** train and blocking-report on the records of a run of the samples. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchCommandsIT {
  @TempDir static Path dir;
  private String url;
  private Path rules;

  @BeforeAll
  void runTheSamples() throws IOException {
    Path root = Fixtures.repositoryRoot();
    url = TestPostgres.freshDatabaseUrl();
    assertThat(Cli.run("run", "--job", root.resolve("jobs/nightly.yaml").toString(),
        "--db-url", url).exitCode()).isZero();
    rules = dir.resolve("hcp.yaml");
    Files.copy(root.resolve("matching-rules/hcp.yaml"), rules);
  }

  @Test
  void blockingReportShowsEveryRuleBeforeScoring() {
    Cli.Result report = Cli.run("blocking-report", "--rules", rules.toString(), "--db-url", url);
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("over 802 records")
        .containsPattern("same_npi\\s+\\d+\\s+\\d+\\s+0")
        .contains("last_and_first_phonetic").contains("fuzzy look-ups")
        .containsPattern("distinct pairs\\s+[\\d,]+").contains("largest blocks of same_email:");
  }

  @Test
  void trainSavesParametersBesideTheRuleSetForItsVersion() {
    Cli.Result train = Cli.run("train", "--rules", rules.toString(), "--db-url", url);
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("trained hcp v1").contains("first_name")
        .contains("saved to " + dir.resolve("hcp.trained.yaml"));
    assertThat(ParametersFile.read(RuleSetLoader.load(rules))).isPresent()
        .hasValueSatisfying(p -> assertThat(p.trainedOn()).isEqualTo(802));
  }
}
