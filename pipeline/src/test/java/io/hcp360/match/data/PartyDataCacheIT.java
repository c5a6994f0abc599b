package io.hcp360.match.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.config.JobConfigLoader;
import io.hcp360.match.rules.FieldSource;
import io.hcp360.match.rules.RuleSet;
import io.hcp360.match.rules.RuleSetLoader;
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
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The party data kept between runs, patched with a run's changes, holds what loading every
 * record gives: the same values and counts per record and field. A copy of other records is
 * refused.
 */
class PartyDataCacheIT {
  private static final long RUN = 1000;

  @TempDir static Path home;
  private static String samples;
  private static RuleSet rules;
  private static List<FieldSource> fields;

  @TempDir Path dir;
  private Jdbi jdbi;

  /** The samples run once; each test changes a copy of their database. */
  @BeforeAll
  static void runTheSamples() {
    Path job = Fixtures.repositoryRoot().resolve("jobs/nightly.yaml");
    samples = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job", job.toString(), "--db-url", samples,
        "--data-dir", home.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    rules = RuleSetLoader.load(JobConfigLoader.load(job).rules());
    fields = new ArrayList<>(rules.fields().values());
  }

  @BeforeEach
  void copyTheSamples() {
    jdbi = Jdbi.create(TestPostgres.copyOf(samples));
  }

  @Test
  void theMatchStepKeepsACopyInTheWorkingFolder() throws IOException {
    List<Path> copies;
    try (var files = Files.list(home.resolve("cache"))) {
      // the folder keeps the country names too (NativeCountryNames)
      copies = files.filter(f -> f.getFileName().toString().startsWith("party-data-")).toList();
    }
    assertThat(copies).singleElement().asString().endsWith(".bin");
    PartyDataFile.Contents kept = PartyDataFile.read(copies.get(0)).orElseThrow();
    assertThat(kept.signature()).isEqualTo(PartyDataLoader.signature(fields));
    assertThat(kept.stamp()).isEqualTo(PartyDataCache.stamp(jdbi));
    assertSameValues(kept.data(), PartyDataLoader.load(jdbi, fields));
  }

  @Test
  void aCopyPatchedWithARunsChangesHoldsWhatLoadingEveryRecordGives() {
    PartyDataCache cache = keepCopy();
    int highest = (int) Sql.count(jdbi, "select max(party_id) from hcp.party");
    standardizeChanges(highest);

    Optional<PartyDataCache.Loaded> loaded = cache.load(jdbi, fields, RUN, changes());
    assertThat(loaded).as("the copy fits the records the run changed").isPresent();
    PartyData fresh = PartyDataLoader.load(jdbi, fields);
    assertSameValues(loaded.get().data(), fresh);
    assertThat(loaded.get().stamp()).isEqualTo(PartyDataCache.stamp(jdbi));
    // A new value is numbered after the kept ones, not where a fresh load first meets it.
    int renamed = PartyData.record((int) Sql.count(jdbi,
        "select party_id from hcp.party where last_name_std = 'Zzyzxnewname'"));
    assertThat(loaded.get().data().column("last_name").code(renamed))
        .isNotEqualTo(fresh.column("last_name").code(renamed));
  }

  @Test
  void aCopyOfOtherRecordsIsRefused() {
    PartyDataCache cache = keepCopy();
    standardizeChanges((int) Sql.count(jdbi, "select max(party_id) from hcp.party"));
    // A record changed without the run knowing it (as by a run that kept no copy).
    jdbi.useHandle(h -> h.execute("""
        update hcp.party set row_hash = md5('elsewhere')::uuid
        where party_id = (select min(party_id) from hcp.party
                          where party_id not in (select party_id from hcp.party_change))"""));
    assertThat(cache.load(jdbi, fields, RUN, changes())).isEmpty();
  }

  @Test
  void aCopyOlderThanARecordIsRefused() {
    PartyDataCache cache = keepCopy();
    standardizeChanges((int) Sql.count(jdbi, "select max(party_id) from hcp.party"));
    // Same row hash, written by a later run than the copy's (a full run standardizes every
    // record again): its values may differ.
    jdbi.useHandle(h -> h.execute("""
        update hcp.party set run_id = run_id + 1, last_name_std = 'Restandardized'
        where party_id = (select min(party_id) from hcp.party
                          where party_id not in (select party_id from hcp.party_change))"""));
    assertThat(cache.load(jdbi, fields, RUN, changes())).isEmpty();
  }

  @Test
  void aCopyOfOtherFieldsIsRefused() {
    keepCopy();
    standardizeChanges((int) Sql.count(jdbi, "select max(party_id) from hcp.party"));
    List<FieldSource> fewer = new ArrayList<>(fields);
    fewer.remove(fewer.size() - 1);
    PartyDataCache cache = new PartyDataCache(dir.resolve("cache"), rules.label());
    assertThat(cache.load(jdbi, fewer, RUN, changes())).isEmpty();
  }

  @Test
  void aCopyThatCannotBeCheckedIsNotUsed() {
    // As on a server whose checksum query fails: the run loads every record instead of failing.
    PartyDataCache cache = keepCopy();
    standardizeChanges((int) Sql.count(jdbi, "select max(party_id) from hcp.party"));
    jdbi.useHandle(h -> h.execute("alter table hcp.party_previous rename to party_previous_gone"));
    assertThat(cache.load(jdbi, fields, RUN, changes())).isEmpty();
  }

  @Test
  void aCopyOfTheSameFieldsInAnotherOrderIsUsed() {
    // A rule set's fields come in another order in every process.
    PartyDataCache cache = keepCopy();
    standardizeChanges((int) Sql.count(jdbi, "select max(party_id) from hcp.party"));
    List<FieldSource> reversed = new ArrayList<>(fields);
    java.util.Collections.reverse(reversed);
    assertThat(cache.load(jdbi, reversed, RUN, changes())).isPresent();
  }

  @Test
  void theTriggersTallyTheRecordsWhateverChangesThem() {
    String counted = """
        select run_id, system, count(*) as records,
          coalesce(bit_xor(uuid_hash_extended(row_hash, party_id)), 0) as checksum
        from hcp.party group by run_id, system""";
    String tallied = "select run_id, system, records, checksum from hcp.party_tally";
    assertThat(rows(tallied)).as("after the samples' full run").isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(rows(counted));
    // Statements of every kind: updates, deletes and inserts (the run's own standardize step
    // is one of many writers here).
    standardizeChanges((int) Sql.count(jdbi, "select max(party_id) from hcp.party"));
    assertThat(rows(tallied)).as("after records were changed, deleted and added")
        .containsExactlyInAnyOrderElementsOf(rows(counted))
        .anyMatch(row -> row.startsWith(RUN + " "));
    jdbi.useTransaction(h -> {
      h.execute("create temporary table kept on commit drop as select * from hcp.party");
      h.execute("truncate hcp.party cascade");
      assertThat(h.createQuery("select count(*) from hcp.party_tally").mapTo(Long.class).one())
          .isZero();
      h.execute("insert into hcp.party select * from kept where party_id % 3 <> 0");
    });
    assertThat(rows(tallied)).as("after the table was emptied and filled again")
        .containsExactlyInAnyOrderElementsOf(rows(counted));
  }

  /** A query's rows, each as its columns joined by spaces. */
  private List<String> rows(String select) {
    return jdbi.withHandle(h -> h.createQuery(select)
        .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " "
            + rs.getLong(4))
        .list());
  }

  /** What hcp.party_change says the run changed, as the match step reads it. */
  private PartyDataCache.Changes changes() {
    return new PartyDataCache.Changes(
        partyIds("select party_id from hcp.party_change where change <> 'deleted'"),
        partyIds("select party_id from hcp.party_change where change <> 'added'"));
  }

  private int[] partyIds(String select) {
    return jdbi.withHandle(h -> h.createQuery(select).mapTo(Integer.class).stream()
        .mapToInt(Integer::intValue).toArray());
  }

  /** A copy of every record as loaded now. */
  private PartyDataCache keepCopy() {
    PartyDataCache cache = new PartyDataCache(dir.resolve("cache"), rules.label());
    cache.save(jdbi, fields, PartyDataLoader.load(jdbi, fields), Optional.empty());
    return cache;
  }

  /**
   * What an incremental standardize step leaves: records changed (one to a name no record has,
   * one to a name another record has), deleted (the highest numbered among them, so that the
   * records end lower) and added, each recorded in hcp.party_change with its earlier version in
   * hcp.party_previous.
   */
  private void standardizeChanges(int highest) {
    jdbi.useTransaction(h -> {
      h.execute("delete from hcp.party_change");
      h.execute("delete from hcp.party_previous");
      h.execute("""
          insert into hcp.party_change (run_id, party_id, change)
          select ?, party_id, case when n <= 2 then 'changed' else 'deleted' end
          from (select party_id, row_number() over (order by party_id) as n
                from hcp.party where party_id % 7 = 3 order by party_id limit 4) p""", RUN);
      h.execute("insert into hcp.party_change (run_id, party_id, change) values (?, ?, 'deleted')",
          RUN, highest);
      h.execute("""
          insert into hcp.party_previous select p.* from hcp.party p
          join hcp.party_change c using (party_id)""");
      h.execute("""
          update hcp.party p set last_name_std = case when c.n = 1 then 'Zzyzxnewname'
              else (select last_name_std from hcp.party where party_id = 1) end,
            email = null, run_id = ?, row_hash = md5('changed' || p.party_id)::uuid
          from (select party_id, row_number() over (order by party_id) as n
                from hcp.party_change where change = 'changed') c
          where c.party_id = p.party_id""", RUN);
      h.execute("""
          delete from hcp.party where party_id in
            (select party_id from hcp.party_change where change = 'deleted')""");
      // Two records added above the highest: one copies a record with a new name, one is new.
      h.execute("""
          insert into hcp.party
          select (jsonb_populate_record(b.p, jsonb_build_object(
            'party_id', ? + n, 'run_id', ?, 'source_id', 'NEW' || n,
            'last_name_std', case when n = 1 then 'Qqbrandnew' else (b.p).last_name_std end,
            'row_hash', md5('added' || n)))).*
          from (select p from hcp.party p order by party_id limit 1) b,
            generate_series(1, 2) as n""", highest, RUN);
      h.execute("""
          insert into hcp.party_change (run_id, party_id, change)
          select ?, party_id, 'added' from hcp.party where run_id = ? and source_id like 'NEW%'""",
          RUN, RUN);
    });
  }

  /** The same records, systems, values and counts per value; codes may be numbered otherwise. */
  private void assertSameValues(PartyData patched, PartyData fresh) {
    assertThat(patched.size()).isEqualTo(fresh.size());
    for (int r = 0; r < fresh.size(); r++) {
      assertThat(patched.system(r)).as("system of record " + r).isEqualTo(fresh.system(r));
      assertThat(patched.present(r)).isEqualTo(fresh.present(r));
    }
    for (FieldSource field : fields) {
      FieldColumn a = patched.column(field.name());
      FieldColumn b = fresh.column(field.name());
      assertThat(a.codes()).as(field.name() + ": values held").isEqualTo(b.codes());
      Map<String, Integer> countsA = new HashMap<>();
      Map<String, Integer> countsB = new HashMap<>();
      for (int code = 0; code < a.codes(); code++) {
        countsA.put(a.valueOf(code), a.frequency(code));
        countsB.put(b.valueOf(code), b.frequency(code));
      }
      assertThat(countsA).as(field.name() + ": counts").isEqualTo(countsB);
      for (int r = 0; r < fresh.size(); r++) {
        assertThat(a.value(r)).as(field.name() + " of record " + r).isEqualTo(b.value(r));
      }
    }
  }
}
