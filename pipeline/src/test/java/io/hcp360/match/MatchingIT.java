package io.hcp360.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.evaluate.Evaluation;
import io.hcp360.evaluate.PublishedStore;
import io.hcp360.evaluate.ReviewBand;
import io.hcp360.evaluate.Truth;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The matcher on the samples: quality floors, hard rules, explanations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingIT {
  /**
   * Floors a regression must not cross. Measured on the samples with the shipped rule set:
   * pairwise F1 0.975 (precision 0.989, recall 0.961), review band 1.6 % of party records
   * (the target of F1 0.98 is not reached yet; its 2 % review band is).
   */
  private static final double F1_FLOOR = 0.97;
  private static final double REVIEW_BAND_CEILING_PERCENT = 2.0;

  private final Path root = Fixtures.repositoryRoot();
  private Jdbi jdbi;

  @BeforeAll
  void runTheNightlyJob() {
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job", root.resolve("jobs/nightly.yaml").toString(),
        "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
  }

  @Test
  void pairwiseF1OnTheSamplesStaysAboveItsFloor() {
    Evaluation evaluation = Evaluation.of(Truth.load(root.resolve("samples/truth.csv")),
        new PublishedStore(jdbi).clusters());
    assertThat(evaluation.pairwise().f1()).isGreaterThanOrEqualTo(F1_FLOOR);
  }

  @Test
  void theReviewBandStaysSmall() {
    ReviewBand band = new PublishedStore(jdbi).reviewBand();
    assertThat(band.percentOfPublished()).isLessThanOrEqualTo(REVIEW_BAND_CEILING_PERCENT);
  }

  @Test
  void noGoldenRecordHoldsTwoDifferentValidNpis() {
    assertThat(Sql.count(jdbi, """
        select count(*) from (
          select m.golden_id from hcp.golden_member m join hcp.party p using (party_id)
          where p.npi_valid group by m.golden_id having count(distinct p.npi) > 1) g"""))
        .isZero();
    assertThat(Sql.count(jdbi, """
        select count(*) from (
          select m.golden_id from hcp.golden_member m join hcp.party p using (party_id)
          where p.national_id_valid group by m.golden_id
          having count(distinct p.national_id_value) > 1) g"""))
        .isZero();
  }

  @Test
  void recordsWithTheSameValidNpiShareAGoldenRecord() {
    assertThat(Sql.count(jdbi, """
        select count(*) from (
          select p.npi from hcp.party p join hcp.golden_member m using (party_id)
          where p.npi_valid group by p.npi having count(distinct m.golden_id) > 1) n"""))
        .isZero();
  }

  @Test
  void everyStoredPairCarriesItsExplanationAndRuleSetVersion() {
    List<Map<String, Object>> pairs = jdbi.withHandle(h -> h.createQuery(
        "select score, decision, reason, explanation::text as explanation, rule_set"
            + " from hcp.match_pair").mapToMap().list());
    assertThat(pairs).isNotEmpty();
    assertThat(pairs).allSatisfy(p -> {
      assertThat((String) p.get("rule_set")).startsWith("hcp v1 (");
      assertThat((String) p.get("explanation")).contains("\"comparison\": \"first_name\"")
          .contains("\"comparison\": \"last_name\"").contains("\"comparison\": \"prior\"");
    });
    // A scored pair's weight is the sum of its explanation's weights.
    double difference = jdbi.withHandle(h -> h.createQuery("""
        select max(abs(score - (select sum((e->>'weight')::float8)
                                from jsonb_array_elements(explanation) e)))
        from hcp.match_pair where reason = 'score'""").mapTo(Double.class).one());
    assertThat(difference).isLessThan(0.01);
  }
}
