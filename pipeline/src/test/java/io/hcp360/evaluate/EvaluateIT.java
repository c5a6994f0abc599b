package io.hcp360.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code evaluate} on the samples after the nightly job: what it prints is what the Java API
 * computes from the published cross-reference and the truth file, read here on their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateIT {
  private static final double PRINTED = 0.00005; // four decimals
  private static final Pattern SOURCE_PAIR = Pattern.compile(
      "(?m)^  ([a-z]+)-([a-z]+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d,]+) +([\\d.]+) +([\\d.]+)"
          + " +([\\d.]+)$");

  private final Path root = Fixtures.repositoryRoot();
  private final Path truthFile = root.resolve("samples/truth.csv");
  private String url;
  private Jdbi jdbi;
  private Cli.Result evaluate;
  private Clusters truth;
  private Clusters published;
  private Evaluation expected;

  @BeforeAll
  void runTheNightlyJobThenEvaluate() throws IOException {
    url = TestPostgres.freshDatabaseUrl();
    Cli.Result run =
        Cli.run("run", "--job", root.resolve("jobs/nightly.yaml").toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    evaluate = Cli.run("evaluate", "--truth", truthFile.toString(), "--db-url", url,
        "--examples", "3");
    jdbi = Jdbi.create(url);
    truth = truthReadLineByLine();
    Map<RecordKey, String> golden = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("select source, source_id, golden_id from publish.hcp_xref")
        .map((rs, ctx) -> golden.put(new RecordKey(rs.getString(1), rs.getString(2)),
            rs.getString(3)))
        .list());
    published = Clusters.of(golden);
    expected = Evaluation.of(truth, published);
  }

  private Clusters truthReadLineByLine() throws IOException {
    Map<RecordKey, String> persons = new HashMap<>();
    for (String line : Files.readAllLines(truthFile).subList(1, Files.readAllLines(truthFile)
        .size())) {
      String[] f = line.split(",");
      persons.put(new RecordKey(f[0], f[1]), f[2]);
    }
    return Clusters.of(persons);
  }

  @Test
  void itPrintsThePairwiseFiguresOfTheJavaApi() {
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    PairCounts p = expected.pairwise();
    Matcher m = find("pairwise +precision ([\\d.]+) +recall ([\\d.]+) +F1 ([\\d.]+)");
    assertThat(Double.parseDouble(m.group(1))).isCloseTo(p.precision(), within(PRINTED));
    assertThat(Double.parseDouble(m.group(2))).isCloseTo(p.recall(), within(PRINTED));
    assertThat(Double.parseDouble(m.group(3))).isCloseTo(p.f1(), within(PRINTED));
    m = find("true positives ([\\d,]+) +false positives ([\\d,]+) +false negatives ([\\d,]+)");
    assertThat(number(m.group(1))).isEqualTo(p.truePositives());
    assertThat(number(m.group(2))).isEqualTo(p.falsePositives());
    assertThat(number(m.group(3))).isEqualTo(p.falseNegatives());
  }

  @Test
  void theFiguresAreBetweenZeroAndOne() {
    // The deterministic placeholder matcher finds some pairs; no floor beyond that.
    assertThat(expected.pairwise().truePositives()).isPositive();
    assertThat(expected.pairwise().f1()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    assertThat(expected.bCubed().f1()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
  }

  @Test
  void itPrintsTheBCubedFiguresOfTheJavaApi() {
    BCubed b = expected.bCubed();
    Matcher m = find("B-cubed +precision ([\\d.]+) +recall ([\\d.]+) +F1 ([\\d.]+)");
    assertThat(Double.parseDouble(m.group(1))).isCloseTo(b.precision(), within(PRINTED));
    assertThat(Double.parseDouble(m.group(2))).isCloseTo(b.recall(), within(PRINTED));
    assertThat(Double.parseDouble(m.group(3))).isCloseTo(b.f1(), within(PRINTED));
  }

  @Test
  void itCountsTheRecordsMissingFromEitherSide() {
    Matcher m = find("records +([\\d,]+) in both; ([\\d,]+) truth records not published,"
        + " ([\\d,]+) published records not in the truth");
    assertThat(number(m.group(1))).isEqualTo(expected.commonRecords());
    assertThat(number(m.group(2))).isEqualTo(expected.truthOnly());
    assertThat(number(m.group(3))).isEqualTo(expected.predictedOnly());
    assertThat(expected.commonRecords() + expected.predictedOnly())
        .isEqualTo(Sql.count(jdbi, "select count(*) from publish.hcp_xref"));
    assertThat(expected.commonRecords() + expected.truthOnly()).isEqualTo(truth.size());
    assertThat(expected.truthOnly()).as("the samples' rejected party rows are not published")
        .isPositive();
  }

  @Test
  void itPrintsTheSizeOfTheReviewBand() {
    Matcher m = find("review band +([\\d,]+) pairs, ([\\d,]+) party records \\(([\\d.]+)% of"
        + " ([\\d,]+) published\\)");
    assertThat(number(m.group(1))).isEqualTo(
        Sql.count(jdbi, "select count(*) from hcp.match_pair where decision = 'review'"));
    assertThat(number(m.group(2))).isEqualTo(Sql.count(jdbi, """
        select count(distinct id) from hcp.match_pair,
          lateral (values (left_id), (right_id)) ids(id) where decision = 'review'"""));
    assertThat(number(m.group(4))).isEqualTo(
        Sql.count(jdbi, "select count(*) from publish.hcp_xref"));
  }

  @Test
  void itPrintsOneLinePerSourcePairMostTruePairsFirst() {
    List<String> printed = new ArrayList<>();
    Matcher m = SOURCE_PAIR.matcher(evaluate.out());
    while (m.find()) {
      printed.add(String.join(" ", m.group(1) + "-" + m.group(2), "" + number(m.group(3)),
          "" + number(m.group(4)), "" + number(m.group(5)), "" + number(m.group(6))));
      PairCounts c = new PairCounts(number(m.group(4)), number(m.group(5)), number(m.group(6)));
      assertThat(Double.parseDouble(m.group(7))).isCloseTo(c.precision(), within(PRINTED));
      assertThat(Double.parseDouble(m.group(8))).isCloseTo(c.recall(), within(PRINTED));
      assertThat(Double.parseDouble(m.group(9))).isCloseTo(c.f1(), within(PRINTED));
    }
    assertThat(printed).containsExactlyElementsOf(expected.bySourcePair().stream()
        .map(l -> String.join(" ", l.pair().toString(), "" + l.counts().truePairs(),
            "" + l.counts().truePositives(), "" + l.counts().falsePositives(),
            "" + l.counts().falseNegatives()))
        .toList());
  }

  @Test
  void theSourcePairsCoverTheSystemsPresent() {
    Set<String> systems = new TreeSet<>(Sql.strings(jdbi,
        "select distinct source from publish.hcp_xref"));
    assertThat(systems).containsExactly("crm", "email", "events", "mdm", "samples");
    Set<String> covered = new TreeSet<>();
    for (SourcePairBreakdown.Line l : expected.bySourcePair()) {
      covered.add(l.pair().first());
      covered.add(l.pair().second());
    }
    assertThat(covered).isEqualTo(systems);
    for (String s : systems) {
      assertThat(evaluate.out()).containsPattern("(?m)^  (" + s + "-[a-z]+|[a-z]+-" + s + ") ");
    }
    PairCounts sum = expected.bySourcePair().stream().map(SourcePairBreakdown.Line::counts)
        .reduce(PairCounts.NONE, PairCounts::plus);
    assertThat(sum).isEqualTo(expected.pairwise());
  }

  @Test
  void theMissedMatchesShownAreOnePersonInTwoGoldenRecords() {
    Matcher m = Pattern.compile("(?m)^ +\\d+\\. ([a-z]+)/(\\S+) .*\\n +([a-z]+)/(\\S+) ")
        .matcher(evaluate.out().substring(evaluate.out().indexOf("Missed matches")));
    int shown = 0;
    while (m.find()) {
      RecordKey a = new RecordKey(m.group(1), m.group(2));
      RecordKey b = new RecordKey(m.group(3), m.group(4));
      assertThat(truth.clusterOf(a)).isEqualTo(truth.clusterOf(b));
      assertThat(published.clusterOf(a)).isNotEqualTo(published.clusterOf(b));
      shown++;
    }
    assertThat(shown).isEqualTo(Math.min(3, expected.pairwise().falseNegatives()));
    assertThat(evaluate.out()).contains("Missed matches (one person, different golden records): "
        + shown + " shown, up to 3");
  }

  @Test
  void runFirstRunsTheJobOnAFreshDatabaseThenPrintsTheSameFigures() {
    Cli.Result both = Cli.run("evaluate", "--run-first", "--job",
        root.resolve("jobs/nightly.yaml").toString(), "--truth", truthFile.toString(),
        "--db-url", TestPostgres.freshDatabaseUrl(), "--examples", "3");
    assertThat(both.exitCode()).as(both.err()).isZero();
    assertThat(both.out()).contains("Run 1 of job nightly: COMPLETED");
    String figures = evaluate.out().substring(evaluate.out().indexOf("  records"));
    assertThat(both.out()).contains(figures);
  }

  @Test
  void aBadTruthFileFailsWithItsLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path bad = Files.writeString(dir.resolve("truth.csv"), "source,source_id,person_id\ncrm,1\n");
    Cli.Result result = Cli.run("evaluate", "--truth", bad.toString(), "--db-url", url);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains(bad + ":2: 2 fields; expected 3");
  }

  private Matcher find(String regex) {
    Matcher m = Pattern.compile(regex).matcher(evaluate.out());
    assertThat(m.find()).as("%s in:%n%s", regex, evaluate.out()).isTrue();
    return m;
  }

  private static long number(String printed) {
    return Long.parseLong(printed.replace(",", ""));
  }
}
