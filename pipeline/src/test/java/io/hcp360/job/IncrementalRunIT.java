package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.samples.ExtractChanges;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental run and a full run over the same extracts leave the same party records, pairs,
 * clusters, golden IDs and golden records, and publish the same activities, channel eligibility
 * and HCP 360 lists: two databases live through the same nights, one with incremental runs, the
 * other with {@code --full} runs. Each night edits, deletes and adds party rows and activity
 * rows of generated extracts (the generator's own bad rows, duplicates and namesakes included);
 * on one, a steward splits a golden HCP and links two others.
 */
class IncrementalRunIT {
  @TempDir Path dir;

  /**
   * What is compared, row for row. Left out: run ids and publish times (an incremental run keeps
   * older rows with the run and time that wrote them), activity keys (a full run numbers the
   * activities from 1, an incremental one keeps the keys of the activities it did not touch and
   * numbers the others after them) and list version ids (numbered by publish, not by content).
   */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    // A party row kept from a file's earlier copy keeps the line that read it: rows are
    // compared without their lines, and each record's rows in a file by their order.
    TABLES.put("staged party rows",
        "select to_jsonb(s) - 'run_id' - 'line' from hcp.staged_party s");
    TABLES.put("staged party rows of each record and file, in line order", """
        select system, source_id, path, array_agg(row_hash order by line)
        from hcp.staged_party group by system, source_id, path""");
    TABLES.put("staged activity rows",
        "select to_jsonb(s) - 'run_id' from hcp.staged_activity s");
    TABLES.put("staged consent rows", "select to_jsonb(s) - 'run_id' from hcp.staged_consent s");
    TABLES.put("files of the latest run and their counts", """
        select system, file_name, path, rows_read, rows_staged, rows_rejected, fingerprint
        from hcp.file_load where run_id = (select max(run_id) from hcp.run)""");
    TABLES.put("rejects of the latest run", """
        select system, file_name, path, line, reason, raw from hcp.reject
        where run_id = (select max(run_id) from hcp.run)""");
    TABLES.put("party records", """
        select party_id, system, source_id, row_hash, first_name_std, last_name_std, npi,
               email, phone_e164, address_std, postal_code_std, specialty_code
        from hcp.party""");
    TABLES.put("stored pairs", """
        select left_id, right_id, score, decision, reason, levels, weights from hcp.scored_pair""");
    TABLES.put("links taken back", "select left_id, right_id from hcp.dropped_pair");
    TABLES.put("clusters", "select party_id, cluster_id from hcp.cluster_member");
    TABLES.put("golden IDs", "select source, source_id, golden_id from publish.hcp_xref");
    TABLES.put("golden records", "select to_jsonb(h) - 'run_id' from publish.hcp h");
    TABLES.put("golden records' source systems",
        "select golden_id, sources from hcp.golden_record");
    TABLES.put("golden values and their lineage", """
        select golden_id, attribute, value, source, source_id, rule from publish.hcp_lineage""");
    TABLES.put("golden ID history", """
        select golden_id, event, related_golden_id, records from publish.golden_id_history""");
    TABLES.put("activities linked", """
        select to_jsonb(a) - 'activity_key' - 'run_id' from hcp.activity a""");
    TABLES.put("published activity log", """
        select to_jsonb(a) - 'activity_key' - 'run_id' from publish.activity_log a""");
    TABLES.put("published activities of unknown source records", """
        select to_jsonb(a) - 'activity_key' - 'run_id' from publish.unlinked_activity a""");
    TABLES.put("channel eligibility", """
        select to_jsonb(e) - 'run_id' - 'published_at' from publish.channel_eligibility e""");
    TABLES.put("HCP 360 lists (current versions)", """
        select to_jsonb(l) - 'version_id' from publish.hcp360_list l""");
    // A full run tallies each table once; an incremental one keeps the tallies by triggers.
    TABLES.put("party records tallied per system, with their checksum", """
        select system, sum(records), bit_xor(checksum) from hcp.party_tally group by system""");
    TABLES.put("golden records tallied per source system",
        "select system, records from hcp.golden_record_tally");
    TABLES.put("activities tallied per link status",
        "select link_status, records from hcp.activity_tally");
    TABLES.put("HCP 360 list versions", """
        select brand, market, members, as_of from publish.hcp360_list_version v
        where version_id in (select version_id from publish.hcp360_current)""");
  }

  @Test
  void incrementalRunsPublishWhatFullRunsPublish() throws IOException {
    Path job = dir.resolve("job.yaml");
    generate(job, "0");
    copyMarketRules();
    String incremental = TestPostgres.freshDatabaseUrl();
    String full = TestPostgres.freshDatabaseUrl();
    run(job, incremental);
    run(job, full);
    assertThat(mode(incremental)).isEqualTo("full");  // nothing to build on yet

    // Night 2: 5 % of the party records edited, deleted or copied under a new id; some
    // activities edited, moved to unknown records, delivered twice, added or deleted.
    generate(job, "5");
    ExtractChanges.applyToActivities(dir.resolve("data"), 60, 5);
    Map<Long, String> linksBefore = activityLinks(Jdbi.create(incremental));
    Map<String, String> xrefBefore = crossReferences(Jdbi.create(incremental));
    List<String> night2 = ingestLog(() -> run(job, incremental));
    run(job, full, "--full");
    assertThat(mode(incremental)).isEqualTo("incremental");
    // The party files' unchanged lines were not parsed again (the MDM file's dialect has no
    // quote character: a row is a line there too); the subscribers file's consent facts were
    // kept with their lines (compared with the full run's below, line for line).
    assertThat(keptUnparsed(night2, "data/crm/accounts.csv")).isPositive();
    assertThat(keptUnparsed(night2, "data/mdm/hcp_master.txt")).isPositive();
    assertThat(keptUnparsed(night2, "data/email/subscribers.csv")).isPositive();
    // The match step read the party data night 1 kept, and loaded only the records changed.
    assertThat(night2).anyMatch(line -> line.startsWith("  party data from the kept copy"));
    assertThat(mode(full)).isEqualTo("full");
    assertSame(incremental, full);
    assertSameListVersions(incremental, full);
    assertSameChurn(incremental, full);
    Jdbi inc = Jdbi.create(incremental);
    assertThat(Sql.string(inc, "select golden_mode || ' ' || new_ids || ' ' || retired_ids"
        + " from hcp.run join hcp.publish_change using (run_id) where run_id = 2"))
        .as("the churn counted from the golden IDs built again, some new and some retired")
        .matches("incremental [1-9][0-9]* [1-9][0-9]*");
    assertThat(filesKept(inc)).as("files not read again: unchanged since night 1")
        .containsExactly("data/events/registrations.csv", "data/samples/requests.tsv");
    assertThat(Sql.strings(inc, "select distinct change from hcp.party_change"
        + " where run_id = (select max(run_id) from hcp.run)"))
        .containsExactlyInAnyOrder("added", "changed", "deleted");
    long regrouped = Sql.count(inc, "select count(*) from hcp.match_change"
        + " where run_id = (select max(run_id) from hcp.run)");
    long records = Sql.count(inc, "select count(*) from hcp.party");
    assertThat(regrouped).as("records whose links were decided again").isPositive()
        .isLessThan(records / 2);
    assertThat(Sql.string(inc, "select activity_mode from hcp.run order by run_id desc limit 1"))
        .isEqualTo("incremental");
    assertThat(Sql.string(inc, "select list_mode from hcp.run order by run_id desc limit 1"))
        .as("only the changed members computed").isEqualTo("incremental");
    long activities = Sql.count(inc, "select count(*) from hcp.activity");
    long kept = Sql.count(inc, "select count(*) from hcp.activity"
        + " where run_id < (select max(run_id) from hcp.run)");
    assertThat(kept).as("activities kept as the last run linked them").isPositive()
        .isGreaterThan(activities / 2).isLessThan(activities);
    assertRelinkedInPlace(inc, linksBefore);
    assertMemberChanges(inc, xrefBefore);
    assertThat(keptOfRegrouped(inc, "publish.hcp_xref", "source", "source_id"))
        .as("cross-references of regrouped records that kept their golden ID: left as they were")
        .isPositive();

    // Night 3: a steward splits one golden HCP's two records and links two others' records
    // (the same decisions in both databases), other changes on top; then a night with no
    // change at all.
    List<String> split = Sql.strings(inc, """
        select source || ':' || source_id from publish.hcp_xref
        where golden_id = (select golden_id from publish.hcp_xref group by golden_id
                           having count(*) = 2 order by golden_id limit 1)
        order by 1""");
    List<String> link = Sql.strings(inc, """
        select min(x.source || ':' || x.source_id) from publish.hcp_xref x
        join publish.hcp h using (golden_id) where h.npi is null
        group by golden_id order by golden_id desc limit 2""");
    for (String url : List.of(incremental, full)) {
      steward(job, url, "split", split);
      steward(job, url, "link", link);
    }
    ExtractChanges.apply(dir.resolve("data"), 300, 99);
    ExtractChanges.applyToActivities(dir.resolve("data"), 60, 99);
    callAfterTheLatestActivity(dir.resolve("data/crm/calls_202506.csv"));
    flipEmailConsent(dir.resolve("data/email/subscribers.csv"));
    newVersionBelowItsRecord(dir.resolve("data/crm/accounts.csv"));
    // A month's calls no longer delivered: its staged rows go, and its activities with them.
    Files.delete(dir.resolve("data/crm/calls_202501.csv"));
    // Consent facts staged before they carried their line's hash (V38): their file is read
    // whole, once.
    Jdbi.create(incremental).useHandle(h -> h.execute("update hcp.staged_consent"
        + " set line_hash = null where path = 'data/email/subscribers.csv'"));
    List<String> night3 = ingestLog(() -> run(job, incremental));
    assertThat(night3).anyMatch(line -> line.startsWith("  party data from the kept copy"));
    assertThat(keptUnparsed(night3, "data/email/subscribers.csv")).isZero();
    assertThat(keptUnparsed(night3, "data/crm/accounts.csv")).isPositive();
    assertThat(Sql.count(Jdbi.create(incremental), "select count(*) from hcp.staged_consent"
        + " where line_hash is null and path = 'data/email/subscribers.csv'")).isZero();
    assertThat(Sql.count(inc, "select count(*) from hcp.staged_activity"
        + " where path = 'data/crm/calls_202501.csv'")).isZero();
    assertThat(Sql.string(inc, "select list_mode || ' ' || (select max(as_of)::date"
        + " from publish.hcp360_list_version join publish.hcp360_current using (version_id))"
        + " from hcp.run order by run_id desc limit 1"))
        .as("only the changed members computed, the 90-day window moved")
        .isEqualTo("incremental 2025-08-15");
    assertThat(Sql.count(inc, "select count(*) from hcp.staged_party"
        + " where run_id < (select max(run_id) from hcp.run)"
        + " and path in ('data/crm/accounts.csv', 'data/mdm/hcp_master.txt')"))
        .as("party rows of files read again kept as staged, not staged again").isPositive();
    run(job, full, "--full");
    assertSame(incremental, full);
    assertSameListVersions(incremental, full);
    assertSameChurn(incremental, full);
    run(job, incremental);
    assertThat(mode(incremental)).isEqualTo("incremental");
    assertNothingChanged(inc);
    assertThat(filesKept(inc)).as("no file read again").hasSize(
        (int) Sql.count(inc, "select count(*) from hcp.staged_file"));
    assertSame(incremental, full);

    // An edited job file may map the same bytes differently: every file is read again (here
    // to the same rows, so nothing else changes).
    Files.writeString(job, "# edited\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    run(job, incremental);
    assertThat(filesKept(inc)).as("every file read again").isEmpty();
    assertNothingChanged(inc);
    run(job, full, "--full");
    assertSame(incremental, full);

    // The golden values' partitions in use are kept, the others dropped: a full run rebuilds
    // every golden record, so only the last run's are left, and the run's before (its lineage
    // was still published when the last run's golden step began).
    Jdbi fullDb = Jdbi.create(full);
    long last = Sql.count(fullDb, "select max(run_id) from hcp.run");
    assertThat(Sql.strings(fullDb, """
        select c.relname::text from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'hcp.golden_value'::regclass order by c.relname"""))
        .containsExactly("golden_value_run_" + (last - 1), "golden_value_run_" + last);
    // an incremental run keeps the partitions of every run that built a golden record it kept
    assertThat(Sql.strings(inc, """
        select c.relname::text from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'hcp.golden_value'::regclass order by c.relname"""))
        .containsAll(Sql.strings(inc, """
            select distinct 'golden_value_run_' || run_id from hcp.golden_record
            order by 1"""));
  }

  /** Per activity key of hcp.activity: its golden ID, link status and reason. */
  private static Map<Long, String> activityLinks(Jdbi jdbi) {
    return pairs(jdbi, Long.class,
        "select activity_key, concat_ws('|', golden_id, link_status, reason) from hcp.activity");
  }

  /** Per published source record (system:source_id): its golden ID. */
  private static Map<String, String> crossReferences(Jdbi jdbi) {
    return pairs(jdbi, String.class,
        "select source || ':' || source_id, golden_id from publish.hcp_xref");
  }

  /** A query's rows as a map of its first column to its second. */
  private static <K> Map<K, String> pairs(Jdbi jdbi, Class<K> keyType, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql)
        .reduceRows(new java.util.HashMap<>(), (map, row) -> {
          map.put(row.getColumn(1, keyType), row.getColumn(2, String.class));
          return map;
        }));
  }

  /**
   * The latest run listed in hcp.golden_member_change exactly the source records whose golden
   * ID it changed (added and deleted records included), fewer than it regrouped, and built
   * again the golden records of those records, before and after, and of the records whose
   * values changed, and no other.
   */
  private static void assertMemberChanges(Jdbi inc, Map<String, String> before) {
    Map<String, String> after = crossReferences(inc);
    Set<String> changed = new java.util.TreeSet<>();
    for (String key : union(before.keySet(), after.keySet())) {
      if (!java.util.Objects.equals(before.get(key), after.get(key))) {
        changed.add(key);
      }
    }
    Set<String> listed = new java.util.TreeSet<>(Sql.strings(inc, """
        select k.system || ':' || k.source_id from hcp.golden_member_change c
        join hcp.party_key k using (party_id)
        where c.run_id = (select max(run_id) from hcp.run)"""));
    assertThat(changed).as("records whose golden ID the night changed").isNotEmpty();
    assertThat(listed).as("records listed as of another golden ID").isEqualTo(changed);
    assertThat((long) listed.size()).isLessThan(Sql.count(inc, """
        select count(*) from hcp.cluster_change
        where run_id = (select max(run_id) from hcp.run)"""));
    // The golden records built again (those of the clusters regrouped, which the cluster step
    // lists only when they changed): those a record left or joined, and those of the records
    // whose values changed; no other.
    Set<String> expected = new java.util.TreeSet<>();
    for (String key : changed) {
      java.util.stream.Stream.of(before.get(key), after.get(key))
          .filter(java.util.Objects::nonNull).forEach(expected::add);
    }
    for (String key : Sql.strings(inc, """
        select k.system || ':' || k.source_id from hcp.party_change c
        join hcp.party_key k using (party_id)
        where c.run_id = (select max(run_id) from hcp.run) and c.change <> 'deleted'""")) {
      expected.add(after.get(key));
    }
    expected.retainAll(Set.copyOf(after.values()));
    assertThat(new java.util.TreeSet<>(Sql.strings(inc, """
        select golden_id from hcp.golden_record
        where run_id = (select max(run_id) from hcp.run)""")))
        .as("golden records built again").isEqualTo(expected);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The latest run listed as changed exactly the activities it kept (by key) whose link
   * changed, those of the records it changed or regrouped included; the others of those records
   * it left as they were (their run_id too).
   */
  private static void assertRelinkedInPlace(Jdbi inc, Map<Long, String> before) {
    Map<Long, String> after = activityLinks(inc);
    Set<Long> linkChanged = new java.util.TreeSet<>();
    after.forEach((key, link) -> {
      if (before.containsKey(key) && !before.get(key).equals(link)) {
        linkChanged.add(key);
      }
    });
    List<Long> changes = inc.withHandle(h -> h.createQuery("""
        select activity_key from hcp.activity_change
        where run_id = (select max(run_id) from hcp.run)""").mapTo(Long.class).list());
    Set<Long> listed = new java.util.TreeSet<>(changes);
    listed.retainAll(after.keySet());
    listed.retainAll(before.keySet());
    assertThat(linkChanged).as("activities linked again in place").isNotEmpty();
    assertThat(listed).as("kept activities listed as changed: those whose link changed")
        .isEqualTo(linkChanged);
    assertThat(keptOfRegrouped(inc, "hcp.activity", "system", "party_source_id"))
        .as("activities of regrouped records whose link did not change: left as they were")
        .isPositive();
  }

  /**
   * How many rows of a table (with its columns of a source record's system and id) belong to
   * records the latest run regrouped and were left as an earlier run wrote them.
   */
  private static long keptOfRegrouped(Jdbi inc, String table, String system, String sourceId) {
    return Sql.count(inc, """
        select count(*) from %s t
        join hcp.party_key k on k.system = t.%s and k.source_id = t.%s
        where k.party_id in (select party_id from hcp.cluster_change
                             where run_id = (select max(run_id) from hcp.run))
          and t.run_id < (select max(run_id) from hcp.run)""".formatted(table, system, sourceId));
  }

  /** The latest run changed no link, no activity and no list row. */
  private static void assertNothingChanged(Jdbi inc) {
    assertThat(Sql.count(inc, "select count(*) from hcp.match_change"
        + " where run_id = (select max(run_id) from hcp.run)")).isZero();
    assertThat(Sql.count(inc, "select count(*) from hcp.activity_change"
        + " where run_id = (select max(run_id) from hcp.run)")).isZero();
    assertThat(Sql.count(inc, """
        select count(*) from publish.hcp360_list_row r
        join publish.hcp360_list_version v on v.version_id in (r.from_version, r.until_version)
        where v.run_id = (select max(run_id) from hcp.run)"""))
        .as("list rows written or closed by a night without changes").isZero();
  }

  /**
   * What ingest, and the party data's kept copy, logged while {@code run} ran (the runs are
   * in-process).
   */
  private static List<String> ingestLog(Runnable run) {
    List<ch.qos.logback.classic.Logger> loggers = java.util.stream.Stream.of(
            io.hcp360.ingest.IngestStage.class, io.hcp360.match.data.PartyDataCache.class)
        .map(c -> (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(c))
        .toList();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();
    appender.start();
    loggers.forEach(logger -> logger.addAppender(appender));
    try {
      run.run();
    } finally {
      loggers.forEach(logger -> logger.detachAppender(appender));
    }
    return appender.list.stream()
        .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
  }

  /** How many lines of a file ingest kept unparsed, as its log says. */
  private static long keptUnparsed(List<String> log, String path) {
    java.util.regex.Pattern kept = java.util.regex.Pattern.compile(
        java.util.regex.Pattern.quote(path) + ": ([0-9,]+) party rows kept as staged"
            + " \\(([0-9,]+) of their lines not parsed again");
    for (String line : log) {
      java.util.regex.Matcher m = kept.matcher(line);
      if (m.find()) {
        assertThat(Long.parseLong(m.group(1).replace(",", ""))).isPositive();
        return Long.parseLong(m.group(2).replace(",", ""));
      }
    }
    throw new AssertionError("ingest did not log the rows kept of " + path + ": " + log);
  }

  /** The files the latest run did not read again: it used the rows an earlier run staged. */
  private static List<String> filesKept(Jdbi jdbi) {
    return Sql.strings(jdbi, """
        select path from hcp.file_load
        where run_id = (select max(run_id) from hcp.run) and staged_run < run_id order by path""");
  }

  /**
   * Adds a call six weeks after the latest activity: the lists' 90-day window moves, so the
   * count of recent activities changes for HCPs that no other change touched.
   */
  private static void callAfterTheLatestActivity(Path calls) throws IOException {
    List<String> lines = Files.readAllLines(calls, StandardCharsets.ISO_8859_1);
    String[] call = null;
    for (int i = lines.size() - 1; call == null; i--) {
      String[] fields = lines.get(i).split(",", -1);
      call = fields.length == 8 && lines.get(i).chars().filter(c -> c == '"').count() == 16
          ? fields : null;
    }
    call[0] = "\"LATE0001\"";
    call[2] = "\"2025-08-15T10:00:00.000Z\"";
    call[3] = "\"2025-08-15T12:00:00.000Z\"";
    Files.writeString(calls, String.join(",", call) + "\n", StandardCharsets.ISO_8859_1,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /**
   * Turns every 25th subscriber's email opt-in the other way: channel eligibility changes for
   * HCPs whose records did not change (the opt-in is not a party field).
   */
  private static void flipEmailConsent(Path subscribers) throws IOException {
    List<String> lines = Files.readAllLines(subscribers, StandardCharsets.ISO_8859_1);
    for (int i = 25; i < lines.size(); i += 25) {
      String line = lines.get(i);
      lines.set(i, line.contains(",unsubscribed,") ? line.replace(",unsubscribed,", ",subscribed,")
          : line.replace(",subscribed,", ",unsubscribed,"));
    }
    Files.writeString(subscribers, String.join("\n", lines) + "\n",
        StandardCharsets.ISO_8859_1);
  }

  /**
   * Adds a second version of a record two thirds down the file, on the line below its first
   * one, with another first name and the same modification time: the version read last wins.
   * The rows above have moved (the night deleted some), so the kept first version must be given
   * its line now, or the two versions are ordered by lines of two different copies.
   */
  private static void newVersionBelowItsRecord(Path accounts) throws IOException {
    List<String> lines = new java.util.ArrayList<>(
        Files.readAllLines(accounts, StandardCharsets.ISO_8859_1));
    int at = lines.size() * 2 / 3;
    while (lines.get(at).chars().filter(c -> c == '"').count() % 2 != 0) {
      at++;
    }
    String[] fields = lines.get(at).split("\",\"", -1);
    fields[1] = "Zacharias";
    lines.add(at + 1, String.join("\",\"", fields));
    Files.writeString(accounts, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
  }

  /** The consent rules of the samples' markets, beside the job file (channel eligibility). */
  private void copyMarketRules() throws IOException {
    Path markets = Files.createDirectories(dir.resolve("markets"));
    try (var files = Files.list(Fixtures.repositoryRoot().resolve("jobs/markets"))) {
      for (Path file : files.toList()) {
        Files.copy(file, markets.resolve(file.getFileName().toString()));
      }
    }
  }

  private void generate(Path job, String changed) {
    Cli.Result r = Cli.run("generate", "--hcps", "1500", "--seed", "7", "--out",
        dir.resolve("data").toString(), "--job-file", job.toString(), "--changed", changed);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private static void run(Path job, String url, String... more) {
    Cli.runJob(job, url, more);
  }

  private static void steward(Path job, String url, String action, List<String> records) {
    Cli.Result r = Cli.run("steward", action, records.get(0), records.get(1), "--job",
        job.toString(), "--db-url", url, "--as", "test", "--comment", "incremental test");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private static String mode(String url) {
    return Sql.string(Jdbi.create(url), "select mode from hcp.run order by run_id desc limit 1");
  }

  private static void assertSame(String incremental, String full) {
    for (Map.Entry<String, String> table : TABLES.entrySet()) {
      assertSame(table.getKey(), table.getValue(), incremental, full);
    }
  }

  private static void assertSame(String what, String select, String incremental, String full) {
    List<String> a = rows(incremental, select);
    List<String> b = rows(full, select);
    assertThat(a).as(what).isNotEmpty();
    assertThat(a).as(what + ": incremental vs full").isEqualTo(b);
  }

  /**
   * The golden-ID churn the gate step measured in each run (counted from the golden IDs built
   * again after an incremental golden step, from all of them after a full one): to be compared
   * while both databases have had the same runs.
   */
  private static void assertSameChurn(String incremental, String full) {
    assertSame("golden-ID churn of every run", """
        select run_id, previous_ids, current_ids, kept_ids, new_ids, retired_ids
        from hcp.publish_change""", incremental, full);
  }

  /**
   * Every version of every list, earlier ones included, by the run that published it: to be
   * compared while both databases have had the same runs.
   */
  private static void assertSameListVersions(String incremental, String full) {
    assertSame("HCP 360 lists (every version)", """
        select v.run_id, to_jsonb(m) - 'version_id' from publish.hcp360_list_member m
        join publish.hcp360_list_version v using (version_id)""", incremental, full);
    for (String url : List.of(incremental, full)) {
      assertThat(Sql.strings(Jdbi.create(url), """
          select v.version_id || ': ' || v.members || ' members, ' || count(m.golden_id)
            || ' read'
          from publish.hcp360_list_version v
          left join publish.hcp360_list_member m using (version_id)
          group by v.version_id having v.members <> count(m.golden_id)""")).as(
              "versions whose size is not what they read").isEmpty();
    }
  }

  private static List<String> rows(String url, String select) {
    return Sql.strings(Jdbi.create(url),
        "select r::text from (" + select + ") r order by 1");
  }
}
