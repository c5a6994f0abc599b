package io.hcp360.match.data;

import java.util.Arrays;

/**
 * Numbers distinct values in the order they are first met, and counts how often each is met.
 * Held as arrays only (values, counts, and an open-addressing table of codes by hash), not as a
 * map of boxed entries: a million-record load meets millions of distinct values, and as map
 * entries every one of them was four more objects for young collections to copy.
 */
final class ValueDictionary {
  private static final int EMPTY = -1;

  private String[] values;
  private int[] counts;
  private int[] table;
  private int size;

  ValueDictionary() {
    this(1024);
  }

  /** A dictionary sized for about this many distinct values (it grows past them). */
  ValueDictionary(int expected) {
    int capacity = Math.max(16, expected);
    values = new String[capacity];
    counts = new int[capacity];
    table = emptyTable(Integer.highestOneBit(2 * capacity - 1) << 1);
  }

  /** The code of the value (a new one when it is met first), counted {@code times} more. */
  int add(String value, int times) {
    int mask = table.length - 1;
    int slot = spread(value.hashCode()) & mask;
    int code;
    while ((code = table[slot]) != EMPTY) {
      if (values[code].equals(value)) {
        counts[code] += times;
        return code;
      }
      slot = (slot + 1) & mask;
    }
    code = size++;
    if (code == values.length) {
      values = Arrays.copyOf(values, 2 * code);
      counts = Arrays.copyOf(counts, 2 * code);
    }
    values[code] = value;
    counts[code] = times;
    table[slot] = code;
    if (2 * size > table.length) {
      rehash();
    }
    return code;
  }

  int size() {
    return size;
  }

  String value(int code) {
    return values[code];
  }

  int count(int code) {
    return counts[code];
  }

  String[] values() {
    return Arrays.copyOf(values, size);
  }

  int[] counts() {
    return Arrays.copyOf(counts, size);
  }

  private void rehash() {
    table = emptyTable(2 * table.length);
    int mask = table.length - 1;
    for (int code = 0; code < size; code++) {
      int slot = spread(values[code].hashCode()) & mask;
      while (table[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      table[slot] = code;
    }
  }

  private static int[] emptyTable(int length) {
    int[] table = new int[length];
    Arrays.fill(table, EMPTY);
    return table;
  }

  /** String hashes of similar values differ mostly in their low bits' neighbours: mix them. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
