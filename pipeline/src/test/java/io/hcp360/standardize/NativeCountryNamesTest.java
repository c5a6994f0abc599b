package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCountryNamesTest {

  @TempDir Path folder;

  @Test
  void theKeptCopyHoldsTheNamesAsGathered() throws Exception {
    Map<String, String> gathered = NativeCountryNames.gather();

    Map<String, String> first = NativeCountryNames.readOrGather(Optional.of(folder));

    Path kept = folder.resolve(NativeCountryNames.fileName());
    assertThat(kept).isRegularFile();
    assertThat(first).isEqualTo(gathered).containsEntry("deutschland", "DE")
        .containsEntry("espana", "ES");
    assertThat(NativeCountryNames.readOrGather(Optional.of(folder))).isEqualTo(gathered);
    assertThat(Files.list(folder).toList()).containsExactly(kept);  // no partial copy left
  }

  @Test
  void aLaterRunReadsTheKeptCopy() throws Exception {
    Path kept = folder.resolve(NativeCountryNames.fileName());
    Files.writeString(kept, "atlantis\tAQ\nend 1\n", StandardCharsets.UTF_8);

    assertThat(NativeCountryNames.readOrGather(Optional.of(folder)))
        .containsExactlyEntriesOf(Map.of("atlantis", "AQ"));
  }

  @Test
  void aCopyNotWrittenWholeIsGatheredAgainAndReplaced() throws Exception {
    Path kept = folder.resolve(NativeCountryNames.fileName());
    Files.writeString(kept, "atlantis\tAQ\ndeutschland\tDE\n", StandardCharsets.UTF_8);

    Map<String, String> names = NativeCountryNames.readOrGather(Optional.of(folder));

    assertThat(names).isEqualTo(NativeCountryNames.gather()).doesNotContainKey("atlantis");
    List<String> lines = Files.readAllLines(kept, StandardCharsets.UTF_8);
    assertThat(lines.getLast()).isEqualTo("end " + names.size());
  }

  @Test
  void withoutAFolderTheNamesAreGatheredAndNothingIsWritten() {
    assertThat(NativeCountryNames.readOrGather(Optional.empty()))
        .isEqualTo(NativeCountryNames.gather());
  }

  @Test
  void theFileIsNamedAfterTheJdkVersion() {
    assertThat(NativeCountryNames.fileName())
        .startsWith("country-names-" + Runtime.version().feature()).endsWith(".tsv")
        .doesNotContain("/", " ");
  }
}
