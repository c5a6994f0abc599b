package io.hcp360.cluster;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.BinaryCopyReader;
import io.hcp360.db.Sql;
import io.hcp360.match.blocking.PairList;
import io.hcp360.match.data.PartyData;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The matched pairs, strongest first (hard rules' first, then by match weight, then by record
 * numbers), as record numbers.
 */
final class MatchedPairs {
  private int[] left = new int[1 << 16];
  private int[] right = new int[1 << 16];
  private boolean[] byHardRule = new boolean[1 << 16];
  private double[] score = new double[1 << 16];
  private int size;

  /** Every matched pair, strongest first (sorted by the server). */
  static MatchedPairs load(Handle handle) {
    return read(handle, "matched-pairs");
  }

  /**
   * Every matched pair, in no order: enough to find which records the changes reach
   * ({@link #pairs}); {@link #strongestFirst} orders those of the records regrouped.
   */
  static MatchedPairs loadUnsorted(Handle handle) {
    return read(handle, "matched-pairs-unsorted");
  }

  /**
   * Reads the pairs with a binary COPY (left_id, right_id, by_hard_rule, score): where a cursor
   * took a round trip per 10,000 rows and each weight was parsed from text, this streams them
   * as numbers (0.7 s to 0.3 s for the 580,000 matched pairs of 1,000,000 records).
   */
  private static MatchedPairs read(Handle handle, String sql) {
    MatchedPairs pairs = new MatchedPairs();
    try (BinaryCopyReader rows =
        BinaryCopyReader.open(handle, Sql.load(ClusterStage.class, sql), 4)) {
      while (rows.next()) {
        int a = PartyData.record(rows.int4());
        int b = PartyData.record(rows.int4());
        pairs.add(a, b, rows.bool(), rows.float8());
      }
    } catch (SQLException | IOException e) {
      throw new Hcp360Exception("could not read the matched pairs: " + e.getMessage(), e);
    }
    return pairs;
  }

  private void add(int a, int b, boolean hard, double weight) {
    if (size == left.length) {
      left = Arrays.copyOf(left, 2 * size);
      right = Arrays.copyOf(right, 2 * size);
      byHardRule = Arrays.copyOf(byHardRule, 2 * size);
      score = Arrays.copyOf(score, 2 * size);
    }
    left[size] = a;
    right[size] = b;
    byHardRule[size] = hard;
    score[size] = weight;
    size++;
  }

  /**
   * The pairs of unsorted ones whose left record is in {@code records}, strongest first: in the
   * order the server gives {@link #load} (matched-pairs.sql), here for the few pairs regrouped.
   */
  MatchedPairs strongestFirst(java.util.BitSet records) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (records.get(left[i])) {
        kept.add(i);
      }
    }
    kept.sort((i, j) -> {
      int c = Boolean.compare(byHardRule[j], byHardRule[i]);
      if (c == 0) {
        c = float8Compare(score[j], score[i]);
      }
      if (c == 0) {
        c = Integer.compare(left[i], left[j]);
      }
      return c != 0 ? c : Integer.compare(right[i], right[j]);
    });
    MatchedPairs sorted = new MatchedPairs();
    for (int i : kept) {
      sorted.add(left[i], right[i], byHardRule[i], score[i]);
    }
    return sorted;
  }

  /** PostgreSQL's order of float8 values: NaN above all, -0 equal to 0. */
  static int float8Compare(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }
    return a < b ? -1 : a > b ? 1 : 0;
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

  /** The pair's match weight. */
  double score(int i) {
    return score[i];
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
