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
 *
 * <p>Steward decisions add two more: cannot-links (two records never share a cluster, checked
 * whenever two clusters would join, against per-record lists of cannot-linked records; only the
 * members that have such a list are looked at) and must-links, {@link #force forced} before any
 * scored link, past the linkage guard but not past a constraint.
 */
final class ConstrainedClustering {
  private static final int NONE = -1;

  /** What became of a forced link. */
  enum Outcome {
    LINKED,
    /** The two records were in one cluster already. */
    ALREADY_TOGETHER,
    /** The clusters hold two different values of an exclusive field (a hard rule). */
    EXCLUSIVE_VALUES,
    /** A record of one cluster is cannot-linked from a record of the other. */
    CANNOT_LINK
  }

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
  /** For each record, the records it is cannot-linked from (null when none). */
  private final int[][] cannotLinked;
  /** For each set root, its members that have cannot-links (null when none), and how many. */
  private final int[][] constrained;
  private final int[] constrainedCount;
  /** The cannot-linked pair that refused the last link refused for that reason. */
  private int conflictA = NONE;
  private int conflictB = NONE;
  private int refusedByConstraint;
  private int refusedByGuard;
  private int refusedByCannotLink;

  ConstrainedClustering(int records, List<FieldColumn> exclusive) {
    this.sets = new UnionFind(records);
    this.exclusive = exclusive;
    this.held = new int[exclusive.size()][records];
    this.next = new int[records];
    this.size = new int[records];
    this.cannotLinked = new int[records][];
    this.constrained = new int[records][];
    this.constrainedCount = new int[records];
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

  /**
   * Records that must never share a cluster: {@code a[i]} and {@code b[i]} for every i. Call
   * before any link.
   */
  void cannotLink(int[] a, int[] b) {
    int[] counts = new int[next.length];
    for (int i = 0; i < a.length; i++) {
      counts[a[i]]++;
      counts[b[i]]++;
    }
    for (int r = 0; r < counts.length; r++) {
      if (counts[r] > 0 && cannotLinked[r] == null) {
        cannotLinked[r] = new int[counts[r]];
        counts[r] = 0;
        int root = sets.find(r);
        addConstrained(root, r);
      } else if (counts[r] > 0) {
        int[] grown = java.util.Arrays.copyOf(cannotLinked[r], cannotLinked[r].length + counts[r]);
        counts[r] = cannotLinked[r].length;
        cannotLinked[r] = grown;
      }
    }
    int[] filled = counts;
    for (int i = 0; i < a.length; i++) {
      cannotLinked[a[i]][filled[a[i]]++] = b[i];
      cannotLinked[b[i]][filled[b[i]]++] = a[i];
    }
  }

  /** Links two records' clusters unless that breaks a constraint; tells whether it linked. */
  boolean link(int a, int b) {
    return link(a, b, null);
  }

  /** Links two records' clusters unless a constraint or the guard (if any) refuses. */
  boolean link(int a, int b, LinkageGuard guard) {
    Outcome outcome = join(a, b, guard);
    if (outcome == Outcome.EXCLUSIVE_VALUES) {
      refusedByConstraint++;
    } else if (outcome == Outcome.CANNOT_LINK) {
      refusedByCannotLink++;
    }
    return outcome == Outcome.LINKED || outcome == Outcome.ALREADY_TOGETHER;
  }

  /**
   * A must-link: joins the two records' clusters whatever the linkage guard says, unless a
   * constraint (a hard rule's exclusive field, a cannot-link) forbids it; then says which.
   */
  Outcome force(int a, int b) {
    return join(a, b, null);
  }

  /** After a link refused with {@link Outcome#CANNOT_LINK}: the cannot-linked pair in the way. */
  int[] conflict() {
    return new int[] {conflictA, conflictB};
  }

  /** null: the guard said no. */
  private Outcome join(int a, int b, LinkageGuard guard) {
    int ra = sets.find(a);
    int rb = sets.find(b);
    if (ra == rb) {
      return Outcome.ALREADY_TOGETHER;
    }
    for (int f = 0; f < exclusive.size(); f++) {
      int va = held[f][ra];
      int vb = held[f][rb];
      if (va != NONE && vb != NONE && va != vb) {
        return Outcome.EXCLUSIVE_VALUES;
      }
    }
    if (cannotLinkedAcross(ra, rb)) {
      return Outcome.CANNOT_LINK;
    }
    if (guard != null && !guard.allows(members(ra), members(rb))) {
      refusedByGuard++;
      return null;
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
    int other = root == ra ? rb : ra;
    for (int i = 0; i < constrainedCount[other]; i++) {
      addConstrained(root, constrained[other][i]);
    }
    constrained[other] = null;
    constrainedCount[other] = 0;
    return Outcome.LINKED;
  }

  /** Whether a record of one set is cannot-linked from a record of the other. */
  private boolean cannotLinkedAcross(int ra, int rb) {
    if (constrainedCount[ra] == 0 || constrainedCount[rb] == 0) {
      return false;
    }
    int from = constrainedCount[ra] <= constrainedCount[rb] ? ra : rb;
    int to = from == ra ? rb : ra;
    for (int i = 0; i < constrainedCount[from]; i++) {
      int member = constrained[from][i];
      for (int partner : cannotLinked[member]) {
        if (sets.find(partner) == to) {
          conflictA = member;
          conflictB = partner;
          return true;
        }
      }
    }
    return false;
  }

  private void addConstrained(int root, int member) {
    int[] list = constrained[root];
    if (list == null) {
      list = new int[2];
    } else if (constrainedCount[root] == list.length) {
      list = java.util.Arrays.copyOf(list, list.length * 2);
    }
    list[constrainedCount[root]++] = member;
    constrained[root] = list;
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

  /** Scored links refused by a steward's cannot-link. */
  int refusedByCannotLink() {
    return refusedByCannotLink;
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
