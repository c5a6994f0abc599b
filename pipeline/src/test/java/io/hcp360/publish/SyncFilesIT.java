package io.hcp360.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Outbound sync files on the basic fixture: one CSV per system, what a CRM team loads back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncFilesIT {
  @TempDir static Path dir;
  private Jdbi jdbi;
  private Cli.Result sync;

  @BeforeAll
  void runAndWriteTheFiles() {
    String url = TestPostgres.freshDatabaseUrl();
    assertThat(Cli.run("run", "--job", Fixtures.path("basic/job.yaml").toString(),
        "--db-url", url).exitCode()).isZero();
    sync = Cli.run("sync-files", "--out", dir.toString(), "--db-url", url);
    jdbi = Jdbi.create(url);
  }

  private List<CSVRecord> read(String system) throws IOException {
    try (Reader reader = Files.newBufferedReader(dir.resolve(system + ".csv"))) {
      return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .get().parse(reader).getRecords());
    }
  }

  @Test
  void everyPublishedRecordIsInItsSystemsFileWithItsGoldenId() throws IOException {
    assertThat(sync.exitCode()).as(sync.err()).isZero();
    for (String system : List.of("crm", "mdm")) {
      List<String> fromFile = read(system).stream()
          .map(r -> r.get("source_id") + "=" + r.get("golden_id")).sorted().toList();
      assertThat(fromFile).isEqualTo(Sql.strings(jdbi, "select source_id || '=' || golden_id"
          + " from publish.hcp_xref where source = '" + system + "' order by 1"));
    }
  }

  @Test
  void eachGoldenHcpHasExactlyOneSurvivingRecord() throws IOException {
    List<CSVRecord> all = new ArrayList<>(read("crm"));
    all.addAll(read("mdm"));
    Set<String> golden = new HashSet<>();
    all.forEach(r -> golden.add(r.get("golden_id")));
    for (String id : golden) {
      assertThat(all.stream().filter(r -> r.get("golden_id").equals(id)
          && r.get("is_survivor").equals("true"))).as(id).hasSize(1);
    }
  }

  @Test
  void aRecordThatDiffersFromTheGoldenRecordGetsItsCorrections() throws IOException {
    Map<String, String> corrections = new java.util.HashMap<>();
    read("crm").forEach(r -> corrections.put(r.get("source_id"), r.get("corrections")));
    // 001B says "Jon" and has no email; its golden HCP (with 001A and M1) says John.
    assertThat(corrections.get("001B")).contains("first_name: Jon -> John")
        .contains("email: (none) -> john.smith@example.com");
    // 001C is its own golden record: nothing to correct.
    assertThat(corrections.get("001C")).isEmpty();
  }
}
