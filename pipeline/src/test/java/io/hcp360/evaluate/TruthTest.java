package io.hcp360.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthTest {
  @TempDir Path dir;

  @Test
  void theSamplesTruthHasEveryRecordOnce() throws IOException {
    Path file = Fixtures.repositoryRoot().resolve("samples/truth.csv");
    Clusters truth = Truth.load(file);
    long lines = Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).count();
    assertThat(truth.size()).isEqualTo(lines);
    assertThat(truth.clusterOf(new RecordKey("mdm", "M00000001"))).contains("P0000001");
  }

  @Test
  void aRecordGivenTheSamePersonTwiceIsOneRecord() throws IOException {
    Clusters truth = Truth.load(write("""
        source,source_id,person_id
        crm,1,P1

        crm,1,P1
        mdm,"2",P1
        """));
    assertThat(truth.size()).isEqualTo(2);
    assertThat(truth.clusterCount()).isEqualTo(1);
  }

  @Test
  void everyBadLineIsReportedWithItsLineNumber() throws IOException {
    Path file = write("""
        source,source_id,person_id
        crm,1,P1
        crm,,P2
        crm,1,P3
        mdm,2
        mdm,3,P4
        """);
    assertThatThrownBy(() -> Truth.load(file))
        .isInstanceOf(TruthFileException.class)
        .hasMessageStartingWith("3 problems in the truth file")
        .hasMessageContaining(file + ":3: blank field")
        .hasMessageContaining(file + ":4: record crm/1 is given person P3 here and P1 before")
        .hasMessageContaining(file + ":5: 2 fields; expected 3")
        .hasMessageNotContaining(":6:");
  }

  @Test
  void aFileWithAnotherHeaderIsRefused() throws IOException {
    Path file = write("system,id,person\ncrm,1,P1\n");
    assertThatThrownBy(() -> Truth.load(file)).isInstanceOf(TruthFileException.class)
        .hasMessageContaining(":1: the header is system,id,person; expected"
            + " source,source_id,person_id");
  }

  @Test
  void aMissingFileIsReported() {
    assertThatThrownBy(() -> Truth.load(dir.resolve("nope.csv")))
        .isInstanceOf(TruthFileException.class)
        .hasMessageContaining("cannot read the truth file");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("truth.csv");
    Files.writeString(file, text);
    return file;
  }
}
