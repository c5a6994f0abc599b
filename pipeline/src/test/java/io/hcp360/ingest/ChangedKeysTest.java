package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangedKeysTest {

  @Test
  void recordsAddedRemovedOrEditedAreChanged() {
    ChangedKeys keys = new ChangedKeys();
    keys.before("kept", "h1");
    keys.before("edited", "h2");
    keys.before("removed", "h3");
    keys.now("edited", "h2x");
    keys.now("kept", "h1");   // on another line now: still the same record
    keys.now("added", "h4");
    assertThat(keys.changed()).containsExactlyInAnyOrder("edited", "removed", "added");
  }

  @Test
  void aRecordsRowsReorderedOrOneMoreCopyAreChanged() {
    ChangedKeys keys = new ChangedKeys();
    keys.before("reordered", "a");
    keys.before("reordered", "b");
    keys.before("copied", "c");
    keys.before("same", "d");
    keys.before("same", "e");
    keys.now("reordered", "b");
    keys.now("reordered", "a");
    keys.now("copied", "c");
    keys.now("copied", "c");
    keys.now("same", "d");
    keys.now("same", "e");
    assertThat(keys.changed()).containsExactlyInAnyOrder("reordered", "copied");
  }

  @Test
  void aFileReadForTheFirstTimeChangesAllItsRecords() {
    ChangedKeys keys = new ChangedKeys();
    keys.now("a", "1");
    keys.now("b", "2");
    assertThat(keys.changed()).containsExactlyInAnyOrder("a", "b");
  }
}
