package io.hcp360.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path tmp;

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new GenerateCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute(args)).as(err.toString()).isEqualTo(expectedExit);
    return out + err.toString();
  }

  @Test
  void writesTheFilesAndSaysWhatItWrote() {
    Path out = tmp.resolve("x");
    String printed = run(0, "--hcps", "50", "--seed", "7", "--out", out.toString(), "--bad-rows", "0");
    assertThat(printed).contains("crm/accounts.csv", "truth.csv", "Persons:        50", "Party records:",
        "Bad rows:       0 of", "Elapsed:");
    assertThat(out.resolve("job.yaml")).exists();
    assertThat(out.resolve("mdm/hcp_master.txt")).exists();
  }

  @Test
  void theJobFileCanGoElsewhere() throws Exception {
    Path job = tmp.resolve("jobs/nightly.yaml");
    run(0, "--hcps", "20", "--out", tmp.resolve("samples").toString(), "--job-file", job.toString());
    assertThat(Files.readString(job)).contains("path: ../samples/crm/accounts.csv");
  }

  @Test
  void aBadRateIsAUsageError() {
    assertThat(run(2, "--out", tmp.toString(), "--bad-rows", "2")).contains("bad-row rate");
  }

  @Test
  void outIsRequired() {
    assertThat(run(2, "--hcps", "5")).contains("--out");
  }
}
