package io.hcp360.cluster;

import io.hcp360.db.Sql;
import io.hcp360.match.blocking.PairList;
import io.hcp360.match.data.PartyData;
import java.sql.ResultSet;
import java.util.Arrays;
import org.jdbi.v3.core.Handle;

/** The matched pairs, strongest first (hard rules' first), as record numbers. */
final class MatchedPairs {
  private int[] left = new int[1 << 16];
  private int[] right = new int[1 << 16];
  private boolean[] byHardRule = new boolean[1 << 16];
  private int size;

  static MatchedPairs load(Handle handle) {
    MatchedPairs pairs = new MatchedPairs();
    handle.createQuery(Sql.load(ClusterStage.class, "matched-pairs")).setFetchSize(10_000)
        .scanResultSet((supplier, ctx) -> {
          ResultSet rs = supplier.get();
          while (rs.next()) {
            pairs.add(PartyData.record(rs.getInt(1)), PartyData.record(rs.getInt(2)),
                !"score".equals(rs.getString(3)));
          }
          return null;
        });
    return pairs;
  }

  private void add(int a, int b, boolean hard) {
    if (size == left.length) {
      left = Arrays.copyOf(left, 2 * size);
      right = Arrays.copyOf(right, 2 * size);
      byHardRule = Arrays.copyOf(byHardRule, 2 * size);
    }
    left[size] = a;
    right[size] = b;
    byHardRule[size] = hard;
    size++;
  }

  int size() {
    return size;
  }

  int left(int i) {
    return left[i];
  }

  int right(int i) {
    return right[i];
  }

  /** Whether a hard rule matched the pair (it is linked whatever the guard says). */
  boolean byHardRule(int i) {
    return byHardRule[i];
  }

  /** The pairs, as a pair list. */
  PairList pairs() {
    PairList pairs = new PairList();
    for (int i = 0; i < size; i++) {
      pairs.add(left[i], right[i]);
    }
    return pairs;
  }
}
