package io.hcp360.steward;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.match.scoring.Parameters;
import io.hcp360.match.scoring.ParametersFile;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `train` refines m with the steward's approvals and reports how the queue would move. */
class TrainFromLabelsIT {
  @TempDir Path dir;

  private static double m(RuleSet rules, Parameters p, String comparison, String level) {
    for (int c = 0; c < rules.comparisons().size(); c++) {
      Comparison cmp = rules.comparisons().get(c);
      if (cmp.name().equals(comparison)) {
        for (int l = 0; l < cmp.levels().size(); l++) {
          if (cmp.levels().get(l).level().label().equals(level)) {
            return p.m()[c][l];
          }
        }
      }
    }
    throw new AssertionError(comparison + " " + level);
  }

  @Test
  void approvalsMoveTheMProbabilitiesTowardTheirLevels() throws IOException {
    Path job = Fixtures.copy("steward", dir.resolve("steward")).resolve("job.yaml");
    String url = TestPostgres.freshDatabaseUrl();
    Path rulesFile = dir.resolve("hcp.yaml");
    Files.copy(Fixtures.repositoryRoot().resolve("matching-rules/hcp.yaml"), rulesFile);
    RuleSet rules = RuleSetLoader.load(rulesFile);
    assertThat(Cli.run("run", "--job", job.toString(), "--db-url", url).exitCode()).isZero();

    Cli.Result unlabelled = Cli.run("train", "--rules", rulesFile.toString(), "--db-url", url);
    assertThat(unlabelled.exitCode()).as(unlabelled.err()).isZero();
    assertThat(unlabelled.out()).contains("m refined with 0 steward approvals")
        .contains("term frequencies forgotten");
    // Training estimates the model anew: the kept term frequencies go with it, and the next run
    // takes them from its records.
    assertThat(io.hcp360.testing.Sql.count(org.jdbi.v3.core.Jdbi.create(url),
        "select count(*) from hcp.term_frequency_total")).isZero();
    Parameters em = ParametersFile.read(rules).orElseThrow();

    // Two approvals, both in different cities; one a first-name variant.
    StewardService steward = new StewardService(
        org.jdbi.v3.core.Jdbi.create(url).installPlugin(
            new org.jdbi.v3.sqlobject.SqlObjectPlugin()), rules);
    long c2 = steward.queue(QueueFilter.pending()).stream()
        .filter(i -> i.left().sourceId().equals("C2")).findFirst().orElseThrow().itemId();
    steward.approve(c2, "alice", null);
    steward.link(new io.hcp360.evaluate.RecordKey("crm", "C7"),
        new io.hcp360.evaluate.RecordKey("crm", "C8"), "alice", null);
    steward.split(new io.hcp360.evaluate.RecordKey("crm", "C6"),
        new io.hcp360.evaluate.RecordKey("mdm", "M6"), "alice", null);

    Cli.Result labelled = Cli.run("train", "--rules", rulesFile.toString(), "--db-url", url,
        "--suggest", "3");
    assertThat(labelled.exitCode()).as(labelled.err()).isZero();
    Parameters refined = ParametersFile.read(rules).orElseThrow();
    assertThat(labelled.out()).contains("m refined with 2 steward approvals (1 rejections")
        .containsPattern("approved pairs matched\\s+\\d+\\s+\\d+")
        .containsPattern("approved pairs in review\\s+\\d+\\s+\\d+")
        .containsPattern("rejected pairs matched\\s+1\\s+1")
        .containsPattern("merge queue \\(review band\\)\\s+\\d+\\s+\\d+")
        .contains("unlabelled pairs a label would teach most");
    assertThat(m(rules, refined, "location", "else"))
        .isGreaterThan(m(rules, em, "location", "else"));
    assertThat(m(rules, refined, "first_name", "jaro_winkler>=0.92"))
        .isGreaterThan(m(rules, em, "first_name", "jaro_winkler>=0.92"));
    assertThat(m(rules, refined, "first_name", "else"))
        .isLessThan(m(rules, em, "first_name", "else"));
    // u is not touched by labels.
    assertThat(refined.u()).isDeepEqualTo(em.u());
    // Suggestions: unlabelled pairs only, probability nearest 0.5 first.
    assertThat(labelled.out()).doesNotContain("crm/C2 ~ mdm/M2").doesNotContain("crm/C7 ~ crm/C8")
        .doesNotContain("crm/C6 ~ mdm/M6")
        .containsPattern("p 0\\.\\d\\d\\s+score\\s+[+-]\\d+\\.\\d\\d\\s+\\w+/\\w+ ~ \\w+/\\w+");
  }
}
