package io.hcp360.match;

import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.rules.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleBiFunction;

/**
 * Settles the records that match records of two different people. A record (typically a name and
 * an email, nothing else) that matches records of two groups which do not match each other (two
 * namesakes in two cities) belongs to one of them at most. It is weighed against each group as a
 * whole, by its average match weight with the group's records:
 * <ul>
 *   <li>when one group's average is at least the ambiguity margin above the others', or one of
 *       its matches is certain, it stays with that group and its matches into the others are
 *       dropped (a certain match is never dropped);
 *   <li>otherwise it cannot tell: its best match into the closest group goes to review (the
 *       steward decides), the others are dropped, so that it glues no one together.
 * </ul>
 * Groups are the connected parts of the matches between records not in doubt, strongest first,
 * never holding two different values of a never-merge field (two NPIs, Jr and Sr).
 */
final class Ambiguity {
  /** Beyond this many matches of one record, only the strongest are weighed against each other. */
  private static final int MAX_CONTENDERS = 12;

  /** One decided pair, as the matcher keeps it until it is written. */
  interface Link {
    int left();

    int right();

    double score();

    /** Whether the pair matched on its score (not by a hard rule). */
    boolean matchedByScore();

    /** Whether the pair matched (by score or by a hard rule). */
    boolean matched();
  }

  /** What becomes of a link, from the mildest. */
  enum Outcome { KEEP, REVIEW, DROP }

  private Ambiguity() {}

  /**
   * The outcome of every link (same order).
   *
   * @param thresholds the thresholds of a pair of records (ambiguity margin, certain)
   * @param matched whether two records match when compared directly
   * @param score the match weight of two records
   * @param exclusive the never-merge fields: a group never holds two different values of one
   */
  static Outcome[] resolve(List<? extends Link> links, int records,
      BiFunction<Integer, Integer, Thresholds> thresholds, BiPredicate<Integer, Integer> matched,
      ToDoubleBiFunction<Integer, Integer> score, List<FieldColumn> exclusive) {
    Outcome[] outcome = new Outcome[links.size()];
    Arrays.fill(outcome, Outcome.KEEP);
    int[][] byRecord = scoreLinksByRecord(links, records);
    boolean[] doubt = new boolean[records];
    for (int r = 0; r < records; r++) {
      int[] own = byRecord[r];
      if (own == null || own.length < 2) {
        continue;
      }
      own = strongestFirst(links, own);
      byRecord[r] = own;
      int n = Math.min(own.length, MAX_CONTENDERS);
      for (int i = 0; i < n && !doubt[r]; i++) {
        for (int j = i + 1; j < n; j++) {
          if (!matched.test(other(links.get(own[i]), r), other(links.get(own[j]), r))) {
            doubt[r] = true;
            break;
          }
        }
      }
    }
    int[] group = groups(links, records, doubt, exclusive);
    Map<Integer, List<Integer>> lists = new HashMap<>();
    for (int r = 0; r < records; r++) {
      if (byRecord[r] != null || group[r] != r) {
        lists.computeIfAbsent(group[r], g -> new ArrayList<>()).add(r);
      }
    }
    Map<Integer, int[]> members = new HashMap<>();
    lists.forEach((g, m) -> members.put(g, m.stream().mapToInt(Integer::intValue).toArray()));
    for (int r = 0; r < records; r++) {
      if (doubt[r]) {
        settle(links, r, byRecord[r], group, members, thresholds, score, outcome);
      }
    }
    return outcome;
  }

  private static void settle(List<? extends Link> links, int r, int[] own, int[] group,
      Map<Integer, int[]> members, BiFunction<Integer, Integer, Thresholds> thresholds,
      ToDoubleBiFunction<Integer, Integer> score, Outcome[] outcome) {
    Link best = links.get(own[0]);
    Thresholds t = thresholds.apply(best.left(), best.right());
    if (t.ambiguityMargin() <= 0) {
      return;
    }
    // The record's average match weight with each group it matches into.
    Map<Integer, Double> average = new LinkedHashMap<>();
    for (int l : own) {
      average.computeIfAbsent(group[other(links.get(l), r)],
          g -> average(r, members.get(g), score));
    }
    if (average.size() < 2) {
      return;
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(average.entrySet());
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
    // The closest group: the one of a certain match, else the best on average.
    boolean certain = best.score() >= t.certain();
    int chosen = certain ? group[other(best, r)] : ranked.get(0).getKey();
    double closest = average.get(chosen);
    // Rivals: groups that are evidently other people than the closest group.
    List<Integer> rivals = new ArrayList<>();
    boolean ambiguous = false;
    for (Map.Entry<Integer, Double> e : ranked) {
      int g = e.getKey();
      if (g == chosen || between(members.get(chosen), members.get(g), score) >= t.together()) {
        continue;
      }
      rivals.add(g);
      if (!certain && e.getValue() > closest - t.ambiguityMargin()) {
        ambiguous = true;
      }
    }
    if (rivals.isEmpty()) {
      return;
    }
    boolean reviewed = false;
    for (int l : own) {
      Link link = links.get(l);
      int g = group[other(link, r)];
      if (link.score() >= t.certain()) {
        continue; // a certain match is never taken back
      }
      if (ambiguous) {
        // Cannot tell: its best match into the closest group goes to review, the others go.
        Outcome o = !reviewed && g == chosen ? Outcome.REVIEW : Outcome.DROP;
        reviewed |= o == Outcome.REVIEW;
        demote(outcome, l, o);
      } else if (rivals.contains(g)) {
        demote(outcome, l, Outcome.DROP); // closer to another group
      }
    }
  }

  /** Gives a link an outcome unless another record already gave it a harsher one. */
  private static void demote(Outcome[] outcome, int link, Outcome to) {
    if (to.ordinal() > outcome[link].ordinal()) {
      outcome[link] = to;
    }
  }

  /** The average match weight of two groups' records taken across (a sample if many). */
  private static double between(int[] left, int[] right, ToDoubleBiFunction<Integer, Integer> score) {
    long pairs = (long) left.length * right.length;
    long step = Math.max(1, pairs / (MAX_CONTENDERS * MAX_CONTENDERS));
    double sum = 0;
    int n = 0;
    for (long i = 0; i < pairs; i += step) {
      sum += score.applyAsDouble(left[(int) (i / right.length)], right[(int) (i % right.length)]);
      n++;
    }
    return sum / n;
  }

  private static double average(int r, int[] members, ToDoubleBiFunction<Integer, Integer> score) {
    int step = Math.max(1, members.length / MAX_CONTENDERS);
    double sum = 0;
    int n = 0;
    for (int i = 0; i < members.length; i += step) {
      if (members[i] != r) {
        sum += score.applyAsDouble(r, members[i]);
        n++;
      }
    }
    return n == 0 ? Double.NEGATIVE_INFINITY : sum / n;
  }

  private static int other(Link link, int r) {
    return link.left() == r ? link.right() : link.left();
  }

  private static int[] strongestFirst(List<? extends Link> links, int[] own) {
    return Arrays.stream(own).boxed()
        .sorted((x, y) -> Double.compare(links.get(y).score(), links.get(x).score()))
        .mapToInt(Integer::intValue).toArray();
  }

  /** For each record, the indexes of its links that matched by score. */
  private static int[][] scoreLinksByRecord(List<? extends Link> links, int records) {
    int[] count = new int[records];
    for (Link l : links) {
      if (l.matchedByScore()) {
        count[l.left()]++;
        count[l.right()]++;
      }
    }
    int[][] byRecord = new int[records][];
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      if (!l.matchedByScore()) {
        continue;
      }
      for (int r : new int[] {l.left(), l.right()}) {
        if (byRecord[r] == null) {
          byRecord[r] = new int[count[r]];
          count[r] = 0;
        }
        byRecord[r][count[r]++] = i;
      }
    }
    return byRecord;
  }

  /**
   * Connected parts of the matched links between records not in doubt, hard-rule links first,
   * then strongest first, never joining two parts that hold different values of an exclusive
   * field.
   */
  private static int[] groups(List<? extends Link> links, int records, boolean[] doubt,
      List<FieldColumn> exclusive) {
    int[] parent = new int[records];
    int[][] held = new int[exclusive.size()][records];
    for (int i = 0; i < records; i++) {
      parent[i] = i;
    }
    for (int f = 0; f < exclusive.size(); f++) {
      for (int i = 0; i < records; i++) {
        held[f][i] = exclusive.get(f).code(i);
      }
    }
    Integer[] order = new Integer[links.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> {
      Link a = links.get(x);
      Link b = links.get(y);
      int byRule = Boolean.compare(a.matchedByScore(), b.matchedByScore());
      return byRule != 0 ? byRule : Double.compare(b.score(), a.score());
    });
    for (int i : order) {
      Link l = links.get(i);
      if (!l.matched() || doubt[l.left()] || doubt[l.right()]) {
        continue;
      }
      int a = find(parent, l.left());
      int b = find(parent, l.right());
      if (a == b || conflict(held, a, b)) {
        continue;
      }
      parent[b] = a;
      for (int[] h : held) {
        if (h[a] == FieldColumn.ABSENT) {
          h[a] = h[b];
        }
      }
    }
    int[] group = new int[records];
    for (int i = 0; i < records; i++) {
      group[i] = find(parent, i);
    }
    return group;
  }

  private static boolean conflict(int[][] held, int a, int b) {
    for (int[] h : held) {
      if (h[a] != FieldColumn.ABSENT && h[b] != FieldColumn.ABSENT && h[a] != h[b]) {
        return true;
      }
    }
    return false;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
