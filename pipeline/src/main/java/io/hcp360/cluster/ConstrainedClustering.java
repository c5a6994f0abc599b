package io.hcp360.cluster;

import io.hcp360.match.data.FieldColumn;
import java.util.List;

/**
 * Clusters records by linking matched pairs, strongest first, under cannot-link constraints: a
 * cluster never holds two different values of an exclusive field (two different valid NPIs). A
 * link that would break that is refused; since links come strongest first, the refused ones are
 * the weakest links of the chain that would have glued two people together.
 */
final class ConstrainedClustering {
  private static final int NONE = -1;

  private final UnionFind sets;
  private final List<FieldColumn> exclusive;
  /** For each set root and exclusive field, the value code the set holds, or NONE. */
  private final int[][] held;
  private int refused;

  ConstrainedClustering(int records, List<FieldColumn> exclusive) {
    this.sets = new UnionFind(records);
    this.exclusive = exclusive;
    this.held = new int[exclusive.size()][records];
    for (int f = 0; f < exclusive.size(); f++) {
      FieldColumn column = exclusive.get(f);
      for (int r = 0; r < records; r++) {
        held[f][r] = column.present(r) ? column.code(r) : NONE;
      }
    }
  }

  /** Links two records' clusters unless that breaks a constraint; tells whether it linked. */
  boolean link(int a, int b) {
    int ra = sets.find(a);
    int rb = sets.find(b);
    if (ra == rb) {
      return true;
    }
    for (int f = 0; f < exclusive.size(); f++) {
      int va = held[f][ra];
      int vb = held[f][rb];
      if (va != NONE && vb != NONE && va != vb) {
        refused++;
        return false;
      }
    }
    sets.union(ra, rb);
    int root = sets.find(ra);
    for (int f = 0; f < exclusive.size(); f++) {
      int value = held[f][ra] != NONE ? held[f][ra] : held[f][rb];
      held[f][root] = value;
    }
    return true;
  }

  /** Links refused by a constraint. */
  int refused() {
    return refused;
  }

  /** For each record, the smallest record of its cluster. */
  int[] clusters() {
    return sets.canonical();
  }
}
