package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartyRowDiffTest {

  @Test
  void recordsAddedRemovedOrEditedAreChanged() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(0,1)", 2, "kept", "h1");
    diff.before("(0,2)", 3, "edited", "h2");
    diff.before("(0,3)", 4, "removed", "h3");
    assertThat(diff.now("edited", "h2x", 2)).isTrue();
    assertThat(diff.now("kept", "h1", 3)).isFalse();  // on another line now: the same record
    assertThat(diff.now("added", "h4", 4)).isTrue();
    assertThat(diff.changed()).containsExactlyInAnyOrder("edited", "removed", "added");
    assertThat(diff.gone()).containsExactlyInAnyOrder("(0,2)", "(0,3)");
    // an unchanged record's rows keep the line that read them
    assertThat(diff.moved()).isEmpty();
  }

  @Test
  void aRecordsRowsReorderedOrOneMoreCopyAreChanged() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(0,1)", 2, "reordered", "a");
    diff.before("(0,2)", 3, "reordered", "b");
    diff.before("(0,3)", 4, "copied", "c");
    diff.before("(0,4)", 5, "same", "d");
    diff.before("(0,5)", 6, "same", "e");
    assertThat(diff.now("reordered", "b", 2)).isFalse();
    assertThat(diff.now("reordered", "a", 3)).isFalse();
    assertThat(diff.now("copied", "c", 4)).isFalse();
    assertThat(diff.now("copied", "c", 5)).isTrue();
    assertThat(diff.now("same", "d", 6)).isFalse();
    assertThat(diff.now("same", "e", 7)).isFalse();
    assertThat(diff.changed()).containsExactlyInAnyOrder("reordered", "copied");
    assertThat(diff.gone()).isEmpty();
    // The kept rows of changed records take their line now (the new copy of "c" is staged at
    // line 5, the kept one stays at 4); "same" moved with the lines but did not change.
    assertThat(diff.moved()).containsExactlyInAnyOrder(
        new PartyRowDiff.Move("(0,1)", 3), new PartyRowDiff.Move("(0,2)", 2));
  }

  @Test
  void ofTwoEqualRowsOneIsKeptAndTheOtherGoes() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(0,1)", 2, "twice", "a");
    diff.before("(0,2)", 3, "twice", "a");
    diff.before("(0,3)", 4, "twice", "b");
    assertThat(diff.now("twice", "b", 2)).isFalse();
    assertThat(diff.now("twice", "a", 3)).isFalse();
    assertThat(diff.changed()).containsExactly("twice");
    assertThat(diff.gone()).containsExactly("(0,2)");
    assertThat(diff.moved()).containsExactlyInAnyOrder(
        new PartyRowDiff.Move("(0,3)", 2), new PartyRowDiff.Move("(0,1)", 3));
  }

  @Test
  void aFileReadForTheFirstTimeStagesAndChangesAllItsRecords() {
    PartyRowDiff diff = new PartyRowDiff();
    assertThat(List.of(diff.now("a", "1", 2), diff.now("b", "2", 3))).containsOnly(true);
    assertThat(diff.changed()).containsExactlyInAnyOrder("a", "b");
    assertThat(diff.gone()).isEmpty();
  }
}
