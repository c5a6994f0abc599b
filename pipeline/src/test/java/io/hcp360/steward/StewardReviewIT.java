package io.hcp360.steward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.evaluate.RecordKey;
import io.hcp360.match.rules.RuleSetLoader;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steward's decisions through the command line, then the next run: approve, reject,
 * unmerge, link and split stick; a decision on a record that changed is flagged for re-review;
 * every action and run is in the audit trail, which refuses changes.
 *
 * <p>The fixture (fixtures/steward): crm/C2 ~ mdm/M2 (a first-name variant in another city)
 * and crm/C5 ~ mdm/M5 (an initial) are in the review band; crm/C3, crm/C4 and mdm/M3 match,
 * as do crm/C6 and mdm/M6; crm/C7 and crm/C8 (one name, two cities) are never proposed.
 */
class StewardReviewIT {
  @TempDir Path dir;
  private Path job;
  private String url;
  private Jdbi jdbi;
  private StewardService steward;

  @BeforeEach
  void setUp() {
    job = Fixtures.copy("steward", dir.resolve("steward")).resolve("job.yaml");
    url = TestPostgres.freshDatabaseUrl();
    jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin())
        .installPlugin(new PostgresPlugin());
    steward = new StewardService(jdbi, RuleSetLoader.load(
        Fixtures.repositoryRoot().resolve("matching-rules/hcp.yaml")));
  }

  private Cli.Result run() {
    Cli.Result run = Cli.run("run", "--job", job.toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return run;
  }

  private Cli.Result steward(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "steward";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--job";
    all[args.length + 2] = job.toString();
    all[args.length + 3] = "--db-url";
    all[args.length + 4] = url;
    Cli.Result result = Cli.run(all);
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    return result;
  }

  private Map<String, String> golden() {
    return Sql.strings(jdbi, "select source || '/' || source_id || '=' || golden_id"
        + " from publish.hcp_xref").stream().map(s -> s.split("="))
        .collect(Collectors.toMap(s -> s[0], s -> s[1]));
  }

  private QueueItem item(String left, String right) {
    return steward.queue(QueueFilter.pending().withStatuses(java.util.EnumSet.allOf(
            ItemStatus.class))).stream()
        .filter(i -> i.left().toString().equals(left) && i.right().toString().equals(right))
        .findFirst().orElseThrow(() -> new AssertionError("no item " + left + " ~ " + right));
  }

  private void append(String file, String line) throws IOException {
    Files.writeString(job.resolveSibling(file), line + "\n",
        java.nio.file.StandardOpenOption.APPEND);
  }

  private void replace(String file, String from, String to) throws IOException {
    Path path = job.resolveSibling(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  @Test
  void theQueueListsTheReviewBandMostUsefulFirstAndShowsAPairSideBySide() {
    run();
    List<QueueItem> queue = steward.queue(QueueFilter.pending());
    assertThat(queue).extracting(i -> i.left() + " ~ " + i.right())
        .containsExactlyInAnyOrder("crm/C2 ~ mdm/M2", "crm/C5 ~ mdm/M5");
    assertThat(queue).allSatisfy(i -> assertThat(i.score())
        .isBetween(i.reviewThreshold(), i.matchThreshold()));
    // Closest to the match threshold first.
    assertThat(queue).isSortedAccordingTo(java.util.Comparator.comparingDouble(
        (QueueItem i) -> i.matchThreshold() - i.score()));
    // Informative first: probability nearest 0.5.
    assertThat(steward.queue(QueueFilter.pending().withOrder(QueueOrder.INFORMATIVE)))
        .isSortedAccordingTo(java.util.Comparator.comparingDouble(
            (QueueItem i) -> Math.abs(i.probability() - 0.5)));
    assertThat(steward.queue(QueueFilter.pending().withSourcePair("mdm-crm"))).hasSize(2);
    assertThat(steward.queue(QueueFilter.pending().withSourcePair("crm-events"))).isEmpty();
    assertThat(steward.queue(QueueFilter.pending().withMarket("DE"))).isEmpty();
    double lowest = queue.stream().mapToDouble(QueueItem::score).min().orElseThrow();
    double highest = queue.stream().mapToDouble(QueueItem::score).max().orElseThrow();
    assertThat(steward.queue(QueueFilter.pending().withScores(lowest, highest))).hasSize(2);
    assertThat(steward.queue(QueueFilter.pending().withScores(highest + 0.01, null))).isEmpty();
    assertThat(steward.queue(QueueFilter.pending().withScores(null, lowest - 0.01))).isEmpty();

    Cli.Result list = steward("queue");
    assertThat(list.out()).contains("crm/C2 ~ mdm/M2").contains("crm/C5 ~ mdm/M5")
        .contains("Margaret Oyelaran | Margareth Oyelaran");

    QueueItem c2 = item("crm/C2", "mdm/M2");
    Cli.Result show = steward("show", Long.toString(c2.itemId()));
    assertThat(show.out()).contains("crm/C2").contains("mdm/M2")
        .containsPattern("first_name\\s+Margaret\\s+Margareth")
        .containsPattern("city\\s+Denver\\s+Dallas")
        .containsPattern("first_name\\s+jaro_winkler>=0.92\\s+\\+\\d+\\.\\d\\d\\s+margaret\\s+"
            + "margareth")
        .containsPattern("location\\s+else\\s+-\\d+\\.\\d\\d")
        .contains(String.format("score %.2f", c2.score()));
    PairView view = steward.item(c2.itemId()).orElseThrow();
    assertThat(view.comparisons().stream().mapToDouble(ComparisonView::weight).sum())
        .isCloseTo(c2.score(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(view.left().goldenId()).isNotEqualTo(view.right().goldenId()).isNotNull();
    assertThat(c2.recordsJoined()).isEqualTo(2);
  }

  @Test
  void approveRejectUnmergeLinkAndSplitStickInTheNextRun() throws IOException {
    run();
    Map<String, String> first = golden();
    assertThat(first.get("crm/C3")).isEqualTo(first.get("crm/C4")).isEqualTo(first.get("mdm/M3"));
    assertThat(first.get("crm/C6")).isEqualTo(first.get("mdm/M6"));
    assertThat(first.get("crm/C7")).isNotEqualTo(first.get("crm/C8"));
    long approveId = item("crm/C5", "mdm/M5").itemId();
    long rejectId = item("crm/C2", "mdm/M2").itemId();

    assertThat(steward("approve", Long.toString(approveId), "--as", "alice", "--comment",
        "same oncologist, initial only in the MDM").out()).contains("must-link");
    assertThat(steward("reject", Long.toString(rejectId), "--as", "bob").out())
        .contains("cannot-link");
    assertThat(steward("unmerge", first.get("crm/C4"), "crm:C4", "--as", "carol", "--comment",
        "a son with his father's name").out()).contains("took crm/C4 out of "
        + first.get("crm/C4") + ": cannot-linked from 2 records");
    steward("link", "crm:C7", "crm:C8", "--as", "dave", "--comment", "moved from Portland");
    steward("split", "crm:C6", "mdm:M6", "--as", "erin");
    assertThat(steward("decisions").out()).contains("approve").contains("reject")
        .contains("unmerge").contains("link").contains("split").contains("by alice");
    assertThat(steward.queue(QueueFilter.pending())).isEmpty();

    // A new record that matches both crm/C2 (same email) and mdm/M2 (same name and city): the
    // rejection must hold even though the new links would chain them together.
    append("crm_accounts.csv", "C10,Margaret,Oyelaran,,mo@denver-clinic.org,Dallas,");
    Cli.Result second = run();
    Map<String, String> next = golden();
    assertThat(next.get("crm/C5")).isEqualTo(next.get("mdm/M5"));
    assertThat(next.get("crm/C2")).isNotEqualTo(next.get("mdm/M2"));
    assertThat(next.get("crm/C10")).isIn(next.get("crm/C2"), next.get("mdm/M2"));
    assertThat(next.get("crm/C4")).isNotEqualTo(next.get("crm/C3"));
    assertThat(next.get("crm/C3")).isEqualTo(next.get("mdm/M3")).isEqualTo(first.get("crm/C3"));
    assertThat(next.get("crm/C7")).isEqualTo(next.get("crm/C8"));
    assertThat(next.get("crm/C6")).isNotEqualTo(next.get("mdm/M6"));
    assertThat(second.out() + second.err()).isNotNull();

    // Item IDs survive the run: the decided pairs keep theirs, settled.
    assertThat(item("crm/C5", "mdm/M5")).satisfies(i -> {
      assertThat(i.itemId()).isEqualTo(approveId);
      assertThat(i.status()).isEqualTo(ItemStatus.APPROVED);
    });
    assertThat(item("crm/C2", "mdm/M2").itemId()).isEqualTo(rejectId);
    assertThat(Sql.strings(jdbi, "select distinct status from hcp.steward_decision"))
        .containsExactly("active");
  }

  @Test
  void aDecisionOnARecordThatChangedIsFlaggedAndComesBackInTheQueue() throws IOException {
    run();
    long itemId = item("crm/C5", "mdm/M5").itemId();
    steward("approve", Long.toString(itemId), "--as", "alice");
    replace("mdm_master.csv", "M5,Priyah,Raghunathan,,,Modesto,",
        "M5,Priyah,Raghunathan,,,Tacoma,98402");
    run();

    Decision decision = steward.decisions(false).get(0);
    assertThat(decision.status()).isEqualTo(DecisionStatus.NEEDS_REVIEW);
    assertThat(decision.reviewReason()).contains("mdm/M5").contains("city: modesto -> tacoma");
    // Not applied: the records are apart, as the matcher alone decides.
    Map<String, String> next = golden();
    assertThat(next.get("crm/C5")).isNotEqualTo(next.get("mdm/M5"));
    // Back in the queue, first, with the same item ID.
    QueueItem first = steward.queue(QueueFilter.pending()).get(0);
    assertThat(first.itemId()).isEqualTo(itemId);
    assertThat(first.status()).isEqualTo(ItemStatus.NEEDS_REVIEW);
    assertThat(first.reviewReason()).contains("mdm/M5");
    assertThat(steward("queue").out()).contains("needs_review").contains("re-review: changed"
        + " since the decision");
    assertThat(Sql.count(jdbi, "select count(*) from hcp.audit_log where action = 'flag'"))
        .isEqualTo(1);

    // Approved again, on the record as it is now: applied by the next run.
    steward("approve", Long.toString(itemId), "--as", "alice", "--comment", "moved to Tacoma");
    run();
    next = golden();
    assertThat(next.get("crm/C5")).isEqualTo(next.get("mdm/M5"));
    assertThat(Sql.strings(jdbi, "select status from hcp.steward_decision order by decision_id"))
        .containsExactly("superseded", "active");
  }

  @Test
  void everyActionAndRunIsInAnAppendOnlyAuditTrailThatAnalystsRead() {
    run();
    long itemId = item("crm/C5", "mdm/M5").itemId();
    steward("approve", Long.toString(itemId), "--as", "alice", "--comment", "same person");
    steward("skip", Long.toString(item("crm/C2", "mdm/M2").itemId()), "--as", "bob");

    assertThat(Sql.strings(jdbi, "select actor || ' ' || action from hcp.audit_log"
        + " where actor in ('alice', 'bob') order by audit_id"))
        .containsExactly("alice approve", "bob skip");
    assertThat(Sql.strings(jdbi, "select action from hcp.audit_log where target = 'run 1'"
        + " order by audit_id")).containsExactly("run_started", "run_finished");
    assertThat(Sql.string(jdbi, "select after ->> 'status' from hcp.audit_log"
        + " where action = 'run_finished'")).isEqualTo("COMPLETED");
    AuditEntry approval = steward.audit(new AuditQuery("alice", null, null, 10)).get(0);
    assertThat(approval.target()).isEqualTo("item " + itemId + ": crm/C5 ~ mdm/M5");
    assertThat(approval.comment()).isEqualTo("same person");
    assertThat(approval.before()).contains("\"item_status\": \"open\"");
    assertThat(approval.after()).contains("\"kind\": \"must_link\"").contains("\"hash\"")
        .contains("raghunathan");
    assertThat(steward("audit", "--target", "crm/C5").out()).contains("alice").contains("approve");

    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
        "update hcp.audit_log set actor = 'mallory'"))).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from hcp.audit_log")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("truncate hcp.audit_log")))
        .hasMessageContaining("append-only");
    assertThat(Sql.count(jdbi, "select count(*) from publish.audit_trail"))
        .isEqualTo(Sql.count(jdbi, "select count(*) from hcp.audit_log")).isGreaterThan(3);
  }

  @Test
  void mistakesAreMessagesNotStackTraces() {
    run();
    Cli.Result unknown = Cli.run("steward", "approve", "999", "--job", job.toString(),
        "--db-url", url, "--as", "alice");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no queue item 999").doesNotContain("at io.hcp360");
    Cli.Result notIn = Cli.run("steward", "unmerge", golden().get("crm/C3"), "crm:C6",
        "--job", job.toString(), "--db-url", url);
    assertThat(notIn.err()).contains("crm/C6 is not in");
    Cli.Result badKey = Cli.run("steward", "link", "C7", "crm:C8", "--job", job.toString(),
        "--db-url", url);
    assertThat(badKey.exitCode()).isEqualTo(2);
    assertThat(badKey.err()).contains("not SOURCE:ID");
    assertThat(steward.decisions(true)).isEmpty();
    assertThat(new RecordKey("crm", "C7")).isNotNull();
  }
}
