package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartyRowDiffTest {

  /** A hash standing for a name. */
  private static Hash128 h(String name) {
    return new Hash128(name.hashCode(), name.length());
  }

  @Test
  void recordsAddedRemovedOrEditedAreChanged() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(0,1)", 2, "kept", h("h1"), null);
    diff.before("(0,2)", 3, "edited", h("h2"), null);
    diff.before("(0,3)", 4, "removed", h("h3"), null);
    assertThat(diff.now("edited", h("h2x"), 2, null)).isTrue();
    // on another line now: the same record
    assertThat(diff.now("kept", h("h1"), 3, null)).isFalse();
    assertThat(diff.now("added", h("h4"), 4, null)).isTrue();
    assertThat(diff.result().changed()).containsExactlyInAnyOrder("edited", "removed", "added");
    assertThat(diff.result().gone()).containsExactlyInAnyOrder("(0,2)", "(0,3)");
    // an unchanged record's rows keep the line that read them
    assertThat(diff.result().moved()).isEmpty();
  }

  @Test
  void aRecordsRowsReorderedOrOneMoreCopyAreChanged() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(0,1)", 2, "reordered", h("a"), null);
    diff.before("(0,2)", 3, "reordered", h("b"), null);
    diff.before("(0,3)", 4, "copied", h("c"), null);
    diff.before("(0,4)", 5, "same", h("d"), null);
    diff.before("(0,5)", 6, "same", h("e"), null);
    assertThat(diff.now("reordered", h("b"), 2, null)).isFalse();
    assertThat(diff.now("reordered", h("a"), 3, null)).isFalse();
    assertThat(diff.now("copied", h("c"), 4, null)).isFalse();
    assertThat(diff.now("copied", h("c"), 5, null)).isTrue();
    assertThat(diff.now("same", h("d"), 6, null)).isFalse();
    assertThat(diff.now("same", h("e"), 7, null)).isFalse();
    assertThat(diff.result().changed()).containsExactlyInAnyOrder("reordered", "copied");
    assertThat(diff.result().gone()).isEmpty();
    // The kept rows of changed records take their line now (the new copy of "c" is staged at
    // line 5, the kept one stays at 4); "same" moved with the lines but did not change.
    assertThat(diff.result().moved()).containsExactlyInAnyOrder(
        new PartyRowDiff.Move("(0,1)", 3, null), new PartyRowDiff.Move("(0,2)", 2, null));
  }

  @Test
  void ofTwoEqualRowsOneIsKeptAndTheOtherGoes() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(0,1)", 2, "twice", h("a"), null);
    diff.before("(0,2)", 3, "twice", h("a"), null);
    diff.before("(0,3)", 4, "twice", h("b"), null);
    assertThat(diff.now("twice", h("b"), 2, null)).isFalse();
    assertThat(diff.now("twice", h("a"), 3, null)).isFalse();
    assertThat(diff.result().changed()).containsExactly("twice");
    assertThat(diff.result().gone()).containsExactly("(0,2)");
    assertThat(diff.result().moved()).containsExactlyInAnyOrder(
        new PartyRowDiff.Move("(0,3)", 2, null), new PartyRowDiff.Move("(0,1)", 3, null));
  }

  /**
   * Thousands of rows told to a diff expecting a few (its arrays grow), with records added
   * among the earlier ones after it was prepared: every row of the earlier copy is kept but the
   * one edited, known lines or not, and the new records are told as changed in file order.
   */
  @Test
  void manyRowsGrowTheDiffAsTheyCome() {
    PartyRowDiff diff = new PartyRowDiff(4);
    int rows = 5_000;
    for (int i = rows - 1; i >= 0; i--) {  // in no particular order
      diff.before((long) i, i + 2, "r" + i / 2, h("row" + i), h("line" + i));
    }
    int line = 2;
    for (int i = 0; i < rows; i++, line++) {
      if (i == 100) {
        assertThat(diff.now("r50", h("edited"), line, h("line-edited"))).isTrue();
      } else if (i % 3 == 0) {
        assertThat(diff.now("r" + i / 2, h("row" + i), line, h("line" + i))).isFalse();
      } else {
        assertThat(diff.known(h("line" + i), line)).isTrue();
        diff.nowKnown(line);
      }
      if (i % 1000 == 999) {
        line++;
        assertThat(diff.now("new" + i, h("new" + i), line, h("line-new" + i))).isTrue();
      }
    }
    PartyRowDiff.Result result = diff.result();
    assertThat(result.gone()).containsExactly(PartyRowDiff.ctid(100));
    assertThat(result.kept()).isEqualTo(rows - 1);
    assertThat(result.knownLines()).isEqualTo(rows - 1 - (rows + 2) / 3);
    assertThat(result.changed()).containsExactly("r50", "new999", "new1999", "new2999",
        "new3999", "new4999");
  }

  @Test
  void aFileReadForTheFirstTimeStagesAndChangesAllItsRecords() {
    PartyRowDiff diff = new PartyRowDiff();
    assertThat(List.of(diff.now("a", h("1"), 2, null), diff.now("b", h("2"), 3, null)))
        .containsOnly(true);
    assertThat(diff.result().changed()).containsExactlyInAnyOrder("a", "b");
    assertThat(diff.result().gone()).isEmpty();
  }

  /**
   * A line read from before is kept unparsed; a record's rows count in line order whether a
   * line was known or parsed, and a line known once is not known twice.
   */
  @Test
  void knownLinesKeepTheirRowsUnparsed() {
    PartyRowDiff diff = new PartyRowDiff(4);
    diff.before("(0,1)", 2, "a", h("h1"), h("line-a1"));
    diff.before("(0,2)", 3, "a", h("h2"), h("line-a2"));
    diff.before("(0,3)", 4, "b", h("h3"), h("line-b"));
    diff.before("(0,4)", 5, "c", h("h4"), null);  // staged before lines were hashed
    // A line was added at the top. The reader asks ahead: a's first row (edited) is not known,
    // its second is; b's line is known once, not twice.
    assertThat(diff.known(h("line-a1-edited"), 3)).isFalse();
    assertThat(diff.known(h("line-a2"), 4)).isTrue();
    assertThat(diff.known(h("line-b"), 5)).isTrue();
    assertThat(diff.known(h("line-b"), 6)).isFalse();
    // Then the rows come in line order.
    assertThat(diff.now("new", h("h0"), 2, null)).isTrue();
    assertThat(diff.now("a", h("h1x"), 3, null)).isTrue();
    diff.nowKnown(4);
    diff.nowKnown(5);
    assertThat(diff.now("b", h("h3"), 6, null)).isTrue();  // a second copy of b's row
    assertThat(diff.now("c", h("h4"), 7, h("line-c"))).isFalse();  // kept by its values
    assertThat(diff.result().changed()).containsExactlyInAnyOrder("new", "a", "b");
    assertThat(diff.result().gone()).containsExactly("(0,1)");
    assertThat(diff.result().kept()).isEqualTo(3);
    assertThat(diff.result().knownLines()).isEqualTo(2);
    assertThat(diff.result().known()).containsExactly(
        new PartyRowDiff.Line(4, h("line-a2")), new PartyRowDiff.Line(5, h("line-b")));
    // The kept rows of changed records take their lines now; so does c's, unchanged, for it
    // was read from a line of another hash (none).
    assertThat(diff.result().moved()).containsExactlyInAnyOrder(
        new PartyRowDiff.Move("(0,2)", 4, h("line-a2")),
        new PartyRowDiff.Move("(0,3)", 5, h("line-b")),
        new PartyRowDiff.Move("(0,4)", 7, h("line-c")));
  }

  @Test
  void aKnownLineToldOutOfTurnFails() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(0,1)", 2, "a", h("h1"), h("line-a"));
    assertThat(diff.known(h("line-a"), 3)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> diff.nowKnown(4))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void earlierRowsMayComeInAnyOrder() {
    PartyRowDiff diff = new PartyRowDiff();
    diff.before("(3,7)", 5, "a", h("a2"), h("line-a2"));
    diff.before("(0,1)", 2, "a", h("a1"), h("line-a1"));
    assertThat(diff.known(h("line-a1"), 2)).isTrue();
    assertThat(diff.known(h("line-a2"), 4)).isTrue();
    diff.nowKnown(2);
    diff.nowKnown(4);
    assertThat(diff.result().changed()).isEmpty();
    assertThat(diff.result().moved()).isEmpty();
    assertThat(diff.result().kept()).isEqualTo(2);
  }

  @Test
  void ctidsAreNumbersAndBack() {
    assertThat(PartyRowDiff.ctid(PartyRowDiff.ctid("(123456,78)"))).isEqualTo("(123456,78)");
    assertThat(PartyRowDiff.ctid("(0,1)")).isEqualTo(1);
  }
}
