package io.hcp360.match;

import io.hcp360.match.blocking.LuceneBlocker;
import io.hcp360.match.blocking.PairList;
import io.hcp360.match.data.PartyData;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The part of matching an incremental run redoes. A full run's decisions about a record depend
 * only on the links (pairs that match or go to review before ambiguity is settled) of the
 * connected part of records it is linked into: scores are pure functions of two records (with
 * the kept term frequencies), and ambiguity weighs a record against the groups it links to. So
 * the run finds the candidate pairs that may differ from the last run's
 * ({@link LuceneBlocker#around}), scores them, and decides again every link of the connected
 * parts that hold a record whose links may have changed: its <b>region</b>. Links outside the
 * region stay as the last run stored them.
 */
final class IncrementalMatch {

  /**
   * The region's records, and its links (packed record pairs, distinct, in pair order). Every
   * earlier link has both ends in the region or neither: one that touched a re-derived, changed
   * or deleted record starts the region at both ends, and any other joins what it links.
   */
  record Region(int[] records, PairList links) {}

  private IncrementalMatch() {}

  /**
   * @param size the number of record numbers
   * @param lastLinks the last run's links (stored and taken back)
   * @param touched records whose links may have changed: re-derived, changed or deleted
   * @param fresh the links found among the re-derived records' candidate pairs
   */
  static Region region(int size, long[] lastLinks, BitSet touched, List<Matcher.Scored> fresh) {
    BitSet start = (BitSet) touched.clone();
    PairList links = new PairList();
    for (long link : lastLinks) {
      int a = PairList.left(link);
      int b = PairList.right(link);
      if (touched.get(a) || touched.get(b)) {
        start.set(a);   // the link goes; both ends may now belong elsewhere
        start.set(b);
      } else {
        links.add(a, b);
      }
    }
    for (Matcher.Scored s : fresh) {
      links.add(s.a(), s.b());
      start.set(s.a());
      start.set(s.b());
    }
    links.distinct();
    BitSet region = links.connected(size, start);
    for (long link : lastLinks) {
      // What lets the match step find the region's stored links by their left end alone.
      if (region.get(PairList.left(link)) != region.get(PairList.right(link))) {
        throw new IllegalStateException("the link " + PairList.left(link) + "-"
            + PairList.right(link) + " crosses the edge of the region");
      }
    }
    PairList inside = new PairList();
    for (int i = 0; i < links.size(); i++) {
      long link = links.get(i);
      if (region.get(PairList.left(link))) {
        inside.add(PairList.left(link), PairList.right(link));
      }
    }
    return new Region(region.stream().toArray(), inside);
  }

  /** The record numbers of party ids. */
  static int[] records(int[] partyIds) {
    return Arrays.stream(partyIds).map(PartyData::record).toArray();
  }
}
