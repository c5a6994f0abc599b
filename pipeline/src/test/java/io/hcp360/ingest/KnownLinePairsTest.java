package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownLinePairsTest {

  private static Hash128 h(String text) {
    return new Hash128(text.hashCode(), text.length());
  }

  private static PartyRowDiff.Line now(int line, String text) {
    return new PartyRowDiff.Line(line, h(text));
  }

  @Test
  void earlierLinesGoToTheLineWithTheirTextNowOrAreGone() {
    // earlier copy: 2 a, 3 b, 4 c, 5 d; now: 2 a, 3 x (b edited), 4 c, 5 e (added), 6 d;
    // the lines edited or added are parsed, the others known
    KnownLinePairs pairs = new KnownLinePairs(List.of(now(2, "a"), now(4, "c"), now(6, "d")));
    pairs.earlier(5, h("d"));
    pairs.earlier(3, h("b"));
    pairs.earlier(2, h("a"));
    pairs.earlier(4, h("c"));
    KnownLinePairs.Result result = pairs.result();
    assertThat(result.gone()).containsExactly(3);
    // lines kept where they are do not move
    assertThat(result.from()).containsExactly(5);
    assertThat(result.to()).containsExactly(6);
  }

  @Test
  void linesWithTheSameTextPairUpInLineOrder() {
    // three earlier copies of "dup" (lines 2, 5, 9), two left now (lines 3 and 8)
    KnownLinePairs pairs = new KnownLinePairs(
        List.of(now(3, "dup"), now(4, "other"), now(8, "dup")));
    pairs.earlier(9, h("dup"));
    pairs.earlier(2, h("dup"));
    pairs.earlier(5, h("dup"));
    pairs.earlier(4, h("other"));
    KnownLinePairs.Result result = pairs.result();
    assertThat(result.from()).containsExactly(2, 5);
    assertThat(result.to()).containsExactly(3, 8);
    assertThat(result.gone()).containsExactly(9);
  }

  @Test
  void aLineOfSeveralFactsCountsOnceAndLinesWithoutAHashAreGone() {
    KnownLinePairs pairs = new KnownLinePairs(List.of(now(2, "a"), now(3, "b")));
    pairs.earlier(3, h("a"));
    pairs.earlier(3, h("a"));
    pairs.earlier(4, null);
    pairs.earlier(5, h("b"));
    pairs.earlier(5, h("b"));
    KnownLinePairs.Result result = pairs.result();
    assertThat(result.from()).containsExactly(3, 5);
    assertThat(result.to()).containsExactly(2, 3);
    assertThat(result.gone()).containsExactly(4);
  }

  @Test
  void manyLinesGrowTheArrays() {
    int lines = 5000;
    List<PartyRowDiff.Line> known = new java.util.ArrayList<>();
    for (int line = 2; line < lines; line++) {
      known.add(now(line + 1, "line " + line));
    }
    KnownLinePairs pairs = new KnownLinePairs(known);
    for (int line = lines - 1; line >= 1; line--) {
      pairs.earlier(line, h("line " + line));
    }
    KnownLinePairs.Result result = pairs.result();
    assertThat(result.gone()).containsExactly(1);
    assertThat(result.from()).hasSize(lines - 2).startsWith(2, 3).endsWith(lines - 1);
    assertThat(result.to()).hasSize(lines - 2).startsWith(3, 4).endsWith(lines);
  }
}
