package io.hcp360.match.data;

/**
 * One field of every party record, dictionary-encoded: equal values have equal codes, and each
 * code knows how many records hold it (for term-frequency adjustments).
 */
public final class FieldColumn {
  public static final int ABSENT = -1;

  private final String name;
  private final int[] codes;
  private final String[] dictionary;
  private final int[] frequency;

  FieldColumn(String name, int[] codes, String[] dictionary, int[] frequency) {
    this.name = name;
    this.codes = codes;
    this.dictionary = dictionary;
    this.frequency = frequency;
  }

  public String name() {
    return name;
  }

  /** The number of records the column has a code (or {@link #ABSENT}) for. */
  int size() {
    return codes.length;
  }

  public int code(int record) {
    return codes[record];
  }

  public boolean present(int record) {
    return codes[record] != ABSENT;
  }

  /** The value of a record, or null. */
  public String value(int record) {
    int code = codes[record];
    return code == ABSENT ? null : dictionary[code];
  }

  public String valueOf(int code) {
    return dictionary[code];
  }

  /** How many records hold the value with this code. */
  /** The number of values this column knows (codes run from 0 to this, exclusive). */
  public int codes() {
    return dictionary.length;
  }

  /** The same column with other counts per code (a frozen snapshot's). */
  FieldColumn withFrequencies(int[] frequencies) {
    return new FieldColumn(name, codes, dictionary, frequencies);
  }

  public int frequency(int code) {
    return frequency[code];
  }
}
