package io.hcp360.ingest;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the consent facts staged from a file's earlier copy go when the file is read again and
 * its known lines are kept unparsed: lines with the same text stage the same facts, so the facts
 * of the n-th earlier line with a hash go to the n-th known line with it. Earlier lines left
 * unpaired (and those staged without a hash) are gone.
 *
 * <p>Paired here rather than by the server: ranking both sides' lines per hash there took
 * 0.35-0.7 s for the 170,000 lines of the benchmark's subscribers file, and the hashes had to
 * be sent as text.
 */
final class KnownLinePairs {
  /** Earlier facts of these lines go to those lines, this run's, in earlier line order. */
  record Result(int[] gone, int[] from, int[] to) {}

  /** The first known line now with a hash (an index into the known lines) not paired yet. */
  private final Map<Hash128, Integer> first;
  /** After known line i, the next with the same hash, or -1. */
  private final int[] next;
  private final List<PartyRowDiff.Line> known;
  private final BitSet seen = new BitSet();
  /** The earlier lines told, as (line << 32 | index into hashes). */
  private long[] earlier = new long[1024];
  private Hash128[] hashes = new Hash128[1024];
  private int count;

  /** @param known the lines the file holds now that were kept unparsed, in line order */
  KnownLinePairs(List<PartyRowDiff.Line> known) {
    this.known = known;
    first = HashMap.newHashMap(known.size());
    next = new int[known.size()];
    for (int i = known.size() - 1; i >= 0; i--) {
      Integer after = first.put(known.get(i).lineHash(), i);
      next[i] = after == null ? -1 : after;
    }
  }

  /**
   * A line an earlier fact was staged from, with its hash (null when staged without one), in
   * any order; a line of several facts may be told once per fact.
   */
  void earlier(int line, Hash128 lineHash) {
    if (seen.get(line)) {
      return;
    }
    seen.set(line);
    if (count == earlier.length) {
      earlier = Arrays.copyOf(earlier, count * 2);
      hashes = Arrays.copyOf(hashes, count * 2);
    }
    earlier[count] = ((long) line << 32) | count;
    hashes[count] = lineHash;
    count++;
  }

  Result result() {
    long[] byLine = Arrays.copyOf(earlier, count);
    Arrays.sort(byLine);
    int[] gone = new int[count];
    int[] from = new int[count];
    int[] to = new int[count];
    int goneCount = 0;
    int moved = 0;
    for (long entry : byLine) {
      int line = (int) (entry >>> 32);
      Hash128 hash = hashes[(int) entry];
      Integer now = hash == null ? null : first.get(hash);
      if (now == null) {
        gone[goneCount++] = line;
        continue;
      }
      if (next[now] < 0) {
        first.remove(hash);
      } else {
        first.put(hash, next[now]);
      }
      int lineNow = known.get(now).line();
      if (lineNow != line) {
        from[moved] = line;
        to[moved++] = lineNow;
      }
    }
    return new Result(Arrays.copyOf(gone, goneCount), Arrays.copyOf(from, moved),
        Arrays.copyOf(to, moved));
  }
}
