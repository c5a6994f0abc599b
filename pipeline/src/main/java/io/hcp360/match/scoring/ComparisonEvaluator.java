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
  private final FieldColumn[] others;

  public ComparisonEvaluator(Comparison comparison, PartyData data) {
    this.comparison = comparison;
    this.column = data.column(comparison.field());
    this.levels = comparison.levels().stream().map(l -> l.level()).toArray(Level[]::new);
    this.others = new FieldColumn[levels.length];
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] instanceof Level.Swapped swapped) {
        others[i] = data.column(swapped.otherField());
      }
    }
  }

  public Comparison comparison() {
    return comparison;
  }

  public FieldColumn column() {
    return column;
  }

  /** The index of the first level that holds, or {@link #NULL_LEVEL}. */
  public byte level(int a, int b) {
    int codeA = column.code(a);
    int codeB = column.code(b);
    if (codeA == FieldColumn.ABSENT || codeB == FieldColumn.ABSENT) {
      return NULL_LEVEL;
    }
    double jaroWinkler = -1;
    for (int i = 0; i < levels.length; i++) {
      boolean holds = switch (levels[i]) {
        case Level.Exact e -> codeA == codeB;
        case Level.JaroWinkler jw -> {
          if (jaroWinkler < 0) {
            jaroWinkler = codeA == codeB ? 1.0
                : JARO_WINKLER.apply(column.valueOf(codeA), column.valueOf(codeB));
          }
          yield jaroWinkler >= jw.threshold();
        }
        case Level.Levenshtein lv -> codeA == codeB || new LevenshteinDistance(lv.maxEdits())
            .apply(column.valueOf(codeA), column.valueOf(codeB)) >= 0;
        case Level.Prefix p -> prefixEqual(column.valueOf(codeA), column.valueOf(codeB),
            p.length());
        case Level.SharesToken t -> sharesToken(column.valueOf(codeA), column.valueOf(codeB));
        case Level.Swapped s -> swapped(a, b, others[i]);
        case Level.Else e -> true;
      };
      if (holds) {
        return (byte) i;
      }
    }
    return (byte) (levels.length - 1);
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

  private boolean swapped(int a, int b, FieldColumn other) {
    String aThis = column.value(a);
    String bOther = other.value(b);
    String aOther = other.value(a);
    String bThis = column.value(b);
    return aThis != null && aThis.equals(bOther) && aOther != null && aOther.equals(bThis);
  }
}
