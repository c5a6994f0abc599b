package io.hcp360.match.scoring;

import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.Comparison;
import io.hcp360.match.rules.Level;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the level a pair of records reaches in one comparison. Thread-safe. */
public final class ComparisonEvaluator {
  /** The level of a pair where either value is absent. */
  public static final byte NULL_LEVEL = -1;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private final Comparison comparison;
  private final FieldColumn column;
  private final Level[] levels;
  /** The column each level tests (the comparison's own unless the level names another). */
  private final FieldColumn[] columns;
  /** Every distinct column the comparison reads, its own first. */
  private final FieldColumn[] read;
  private final FieldColumn[] others;

  public ComparisonEvaluator(Comparison comparison, PartyData data) {
    this.comparison = comparison;
    this.column = data.column(comparison.field());
    this.levels = comparison.levels().stream().map(l -> l.level()).toArray(Level[]::new);
    this.columns = new FieldColumn[levels.length];
    this.others = new FieldColumn[levels.length];
    for (int i = 0; i < levels.length; i++) {
      columns[i] = data.column(comparison.fieldOf(i));
      if (levels[i] instanceof Level.Swapped swapped) {
        others[i] = data.column(swapped.otherField());
      }
    }
    this.read = comparison.fields().stream().map(data::column).toArray(FieldColumn[]::new);
  }

  public Comparison comparison() {
    return comparison;
  }

  public FieldColumn column() {
    return column;
  }

  /** The column a level tests. */
  public FieldColumn column(int level) {
    return columns[level];
  }

  /**
   * The index of the first level that holds, or {@link #NULL_LEVEL} when no field the
   * comparison reads is present on both records. A level whose field is absent on either
   * record does not hold.
   */
  public byte level(int a, int b) {
    boolean any = false;
    for (FieldColumn c : read) {
      if (c.present(a) && c.present(b)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return NULL_LEVEL;
    }
    double jaroWinkler = -1;
    for (int i = 0; i < levels.length; i++) {
      FieldColumn col = columns[i];
      int codeA = col.code(a);
      int codeB = col.code(b);
      if (levels[i] instanceof Level.Else) {
        return (byte) i;
      }
      if (codeA == FieldColumn.ABSENT || codeB == FieldColumn.ABSENT) {
        continue;
      }
      boolean holds = switch (levels[i]) {
        case Level.Exact e -> codeA == codeB;
        case Level.JaroWinkler jw -> {
          double similarity;
          if (col == column) {
            if (jaroWinkler < 0) {
              jaroWinkler = jaroWinkler(col, codeA, codeB);
            }
            similarity = jaroWinkler;
          } else {
            similarity = jaroWinkler(col, codeA, codeB);
          }
          yield similarity >= jw.threshold();
        }
        case Level.Levenshtein lv -> codeA == codeB || new LevenshteinDistance(lv.maxEdits())
            .apply(col.valueOf(codeA), col.valueOf(codeB)) >= 0;
        case Level.Prefix p -> prefixEqual(col.valueOf(codeA), col.valueOf(codeB), p.length());
        case Level.SharesToken t -> sharesToken(col.valueOf(codeA), col.valueOf(codeB));
        case Level.Swapped sw -> swapped(a, b, col, others[i]);
        case Level.BothPresent p -> true;
        case Level.Else e -> true;
      };
      if (holds) {
        return (byte) i;
      }
    }
    return (byte) (levels.length - 1);
  }

  private static double jaroWinkler(FieldColumn col, int codeA, int codeB) {
    return codeA == codeB ? 1.0 : JARO_WINKLER.apply(col.valueOf(codeA), col.valueOf(codeB));
  }

  static boolean sharesToken(String a, String b) {
    int start = 0;
    while (start < a.length()) {
      int end = a.indexOf(' ', start);
      if (end < 0) {
        end = a.length();
      }
      if (end > start && containsToken(b, a, start, end)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean containsToken(String text, String token, int from, int to) {
    int length = to - from;
    for (int i = text.indexOf(token.substring(from, to)); i >= 0;
        i = text.indexOf(token.substring(from, to), i + 1)) {
      boolean startOk = i == 0 || text.charAt(i - 1) == ' ';
      boolean endOk = i + length == text.length() || text.charAt(i + length) == ' ';
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixEqual(String a, String b, int length) {
    return a.length() >= length && b.length() >= length
        && a.regionMatches(0, b, 0, length);
  }

  private static boolean swapped(int a, int b, FieldColumn column, FieldColumn other) {
    String aThis = column.value(a);
    String bOther = other.value(b);
    String aOther = other.value(a);
    String bThis = column.value(b);
    return aThis != null && aThis.equals(bOther) && aOther != null && aOther.equals(bThis);
  }
}
