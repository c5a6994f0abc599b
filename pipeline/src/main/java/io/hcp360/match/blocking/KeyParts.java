package io.hcp360.match.blocking;

import io.hcp360.match.data.FieldColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One field of a blocking rule as numbered parts of keys: a value is one part, numbered by its
 * code; for a rule on words, each distinct word of a value is a part (a word has one number in
 * every value it is in). A record's keys for a rule are the combinations of one part per field.
 */
final class KeyParts {
  static final int[] NONE = new int[0];

  private final FieldColumn column;
  /** For a rule on words: the words of the value with code c are words[start[c]..start[c + 1]). */
  private final int[] start;
  private final int[] words;
  private final Map<String, Integer> wordNumbers;

  private KeyParts(FieldColumn column, int[] start, int[] words,
      Map<String, Integer> wordNumbers) {
    this.column = column;
    this.start = start;
    this.words = words;
    this.wordNumbers = wordNumbers;
  }

  /** The parts of a column's values: whole values, or their words. */
  static KeyParts of(FieldColumn column, boolean byWords) {
    if (!byWords) {
      return new KeyParts(column, null, null, null);
    }
    Map<String, Integer> numbers = new HashMap<>();
    int[] start = new int[column.codes() + 1];
    int[] words = new int[column.codes()];
    int n = 0;
    for (int code = 0; code < column.codes(); code++) {
      for (String word : words(column.valueOf(code))) {
        Integer number = numbers.get(word);
        if (number == null) {
          number = numbers.size();
          numbers.put(word, number);
        }
        if (n == words.length) {
          words = Arrays.copyOf(words, 2 * n + 1);
        }
        words[n++] = number;
      }
      start[code + 1] = n;
    }
    return new KeyParts(column, start, Arrays.copyOf(words, n), numbers);
  }

  /**
   * The words a rule on words keys a value by: split on single spaces, empty ones left out, each
   * once, in order.
   */
  static List<String> words(String value) {
    List<String> words = new ArrayList<>();
    for (String word : value.split(" ")) {
      if (!word.isEmpty() && !words.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /** Parts are numbered from 0 to this, exclusive. */
  int count() {
    return start == null ? column.codes() : wordNumbers.size();
  }

  /** A record's parts, none when its value is absent. */
  int[] of(int record) {
    int code = column.code(record);
    if (code == FieldColumn.ABSENT) {
      return NONE;
    }
    return start == null ? new int[] {code} : Arrays.copyOfRange(words, start[code],
        start[code + 1]);
  }

  /** A record's i-th part ({@link #of}{@code (record)[i]}), without making the others. */
  int part(int record, int i) {
    int code = column.code(record);
    return start == null ? code : words[start[code] + i];
  }

  /** How many parts a record has ({@link #of}'s length), without making them. */
  int countOf(int record) {
    int code = column.code(record);
    if (code == FieldColumn.ABSENT) {
      return 0;
    }
    return start == null ? 1 : start[code + 1] - start[code];
  }

  /**
   * The parts of the values of the same field in other party data (earlier versions of the
   * records), numbered as here: a value or word that no record has here has no part.
   */
  IntFunction<int[]> in(FieldColumn other) {
    if (start != null) {
      return record -> {
        String value = other.value(record);
        return value == null ? NONE : words(value).stream().map(wordNumbers::get)
            .filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
      };
    }
    int[] codeHere = codesHere(other);
    return record -> {
      int code = other.code(record);
      return code == FieldColumn.ABSENT || codeHere[code] < 0 ? NONE
          : new int[] {codeHere[code]};
    };
  }

  /** Per code of the other column, the code of the same value here, or -1. */
  private int[] codesHere(FieldColumn other) {
    Map<String, Integer> theirs = new HashMap<>();
    for (int code = 0; code < other.codes(); code++) {
      theirs.put(other.valueOf(code), code);
    }
    int[] here = new int[other.codes()];
    Arrays.fill(here, -1);
    for (int code = 0; code < column.codes() && !theirs.isEmpty(); code++) {
      Integer their = theirs.remove(column.valueOf(code));
      if (their != null) {
        here[their] = code;
      }
    }
    return here;
  }
}
