package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagingOrderTest {

  private static IngestStage.FileToStage file(String name, long bytes, boolean changed) {
    return new IngestStage.FileToStage(null, Path.of(name), name, bytes, changed);
  }

  @Test
  void filesChangedForCertainFirstThenTheOthersLargestFirstInEach() {
    List<IngestStage.FileToStage> files = new ArrayList<>(List.of(
        file("events", 52, false), file("subscribers", 16, true), file("calls", 20, false),
        file("accounts", 91, true), file("master", 31, true)));
    files.sort(IngestStage.STAGING_ORDER);
    assertThat(files).extracting(IngestStage.FileToStage::shown)
        .containsExactly("accounts", "master", "subscribers", "events", "calls");
  }
}
