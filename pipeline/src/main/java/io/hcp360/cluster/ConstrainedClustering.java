package io.hcp360.cluster;

import io.hcp360.match.data.FieldColumn;
import java.util.List;

/**
 * Clusters records by linking matched pairs, strongest first, under two guards:
 * <ul>
 *   <li>cannot-link constraints: a cluster never holds two different values of an exclusive
 *       field (two different valid NPIs);
 *   <li>a linkage guard (optional): two clusters join only if their records, taken across, agree
 *       well enough on average, so that one ambiguous record matching two different people (a
 *       name-only record and two namesakes) does not glue them together.
 * </ul>
 * A link that would break either is refused; since links come strongest first, the refused ones
 * are the weakest links of the chain.
 */
final class ConstrainedClustering {
  private static final int NONE = -1;

  /** Decides whether two clusters, given by their members, may join. */
  interface LinkageGuard {
    boolean allows(int[] left, int[] right);
  }

  private final UnionFind sets;
  private final List<FieldColumn> exclusive;
  /** For each set root and exclusive field, the value code the set holds, or NONE. */
  private final int[][] held;
  /** Members of each set as a circular list: next[r] is the member after r. */
  private final int[] next;
  private final int[] size;
  private int refusedByConstraint;
  private int refusedByGuard;

  ConstrainedClustering(int records, List<FieldColumn> exclusive) {
    this.sets = new UnionFind(records);
    this.exclusive = exclusive;
    this.held = new int[exclusive.size()][records];
    this.next = new int[records];
    this.size = new int[records];
    for (int r = 0; r < records; r++) {
      next[r] = r;
      size[r] = 1;
    }
    for (int f = 0; f < exclusive.size(); f++) {
      FieldColumn column = exclusive.get(f);
      for (int r = 0; r < records; r++) {
        held[f][r] = column.present(r) ? column.code(r) : NONE;
      }
    }
  }

  /** Links two records' clusters unless that breaks a constraint; tells whether it linked. */
  boolean link(int a, int b) {
    return link(a, b, null);
  }

  /** Links two records' clusters unless a constraint or the guard (if any) refuses. */
  boolean link(int a, int b, LinkageGuard guard) {
    int ra = sets.find(a);
    int rb = sets.find(b);
    if (ra == rb) {
      return true;
    }
    for (int f = 0; f < exclusive.size(); f++) {
      int va = held[f][ra];
      int vb = held[f][rb];
      if (va != NONE && vb != NONE && va != vb) {
        refusedByConstraint++;
        return false;
      }
    }
    if (guard != null && !guard.allows(members(ra), members(rb))) {
      refusedByGuard++;
      return false;
    }
    sets.union(ra, rb);
    int root = sets.find(ra);
    for (int f = 0; f < exclusive.size(); f++) {
      held[f][root] = held[f][ra] != NONE ? held[f][ra] : held[f][rb];
    }
    int t = next[ra];
    next[ra] = next[rb];
    next[rb] = t;
    size[root] = size[ra] + size[rb];
    return true;
  }

  private int[] members(int root) {
    int[] members = new int[size[root]];
    int r = root;
    for (int i = 0; i < members.length; i++) {
      members[i] = r;
      r = next[r];
    }
    return members;
  }

  /** Links refused by a cannot-link constraint. */
  int refused() {
    return refusedByConstraint;
  }

  /** Links refused by the linkage guard. */
  int refusedByGuard() {
    return refusedByGuard;
  }

  /** For each record, the smallest record of its cluster. */
  int[] clusters() {
    return sets.canonical();
  }
}
