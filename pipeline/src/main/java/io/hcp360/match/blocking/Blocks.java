package io.hcp360.match.blocking;

import io.hcp360.match.data.FieldColumn;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One blocking rule's blocks, counted in memory from the fields' codes: every key some record
 * has, numbered, with its members in record order. A key is a combination of one part per field
 * ({@link KeyParts}). Records share a block here exactly when they share the keyword a full run
 * indexes in Lucene (the values, or words, joined with U+001F), as long as no value of a rule on
 * two fields or more holds U+001F (standardized names, phonetic keys and postal codes never do).
 */
final class Blocks {
  private final List<KeyParts> fields;
  /** Key k is made of parts[0][k], parts[1][k] ...; keys are sorted by their parts. */
  private final int[][] parts;
  /** Key k's members are members[start[k]..start[k + 1]), in record order. */
  private final int[] start;
  private final int[] members;

  private Blocks(List<KeyParts> fields, int[][] parts, int[] start, int[] members) {
    this.fields = fields;
    this.parts = parts;
    this.start = start;
    this.members = members;
  }

  /**
   * The blocks of records 0 to {@code records} (exclusive) by these columns' values, or by their
   * words.
   */
  static Blocks of(List<FieldColumn> columns, boolean byWords, int records) {
    List<KeyParts> fields = columns.stream().map(c -> KeyParts.of(c, byWords)).toList();
    // Fields in an array and parts taken one by one: a list's iterator and an array of parts
    // per record and field, made a million times per rule, were a third of the counting.
    KeyParts[] byField = fields.toArray(KeyParts[]::new);
    // As many entries as keys, counted first: grown as they came, the arrays of a rule on
    // words were copied several times over.
    long entryCount = 0;
    for (int record = 0; record < records; record++) {
      entryCount += combinations(byField, record);
    }
    Entries entries = new Entries(byField.length,
        (int) Math.min(Integer.MAX_VALUE - 8, entryCount));
    int[] key = new int[byField.length];
    for (int record = 0; record < records; record++) {
      for (int c = 0, n = combinations(byField, record); c < n; c++) {
        int rest = c;
        for (int f = byField.length - 1; f >= 0; f--) {
          int count = byField[f].countOf(record);
          key[f] = byField[f].part(record, rest % count);
          rest /= count;
        }
        entries.add(record, key);
      }
    }
    // Sorted by key, part by part from the last (each sort keeps the order of equal parts), so
    // that a key's records stay in record order.
    int[] order = new int[entries.size];
    Arrays.setAll(order, i -> i);
    for (int f = fields.size() - 1; f >= 0; f--) {
      order = sortedBy(entries.parts[f], fields.get(f).count(), order);
    }
    int[][] parts = new int[fields.size()][entries.size];
    int[] start = new int[entries.size + 1];
    int[] members = new int[entries.size];
    int keys = 0;
    for (int i = 0; i < order.length; i++) {
      int e = order[i];
      members[i] = entries.records[e];
      if (i == 0 || !entries.sameKey(e, order[i - 1])) {
        for (int f = 0; f < parts.length; f++) {
          parts[f][keys] = entries.parts[f][e];
        }
        start[keys++] = i;
      }
    }
    start[keys] = entries.size;
    for (int f = 0; f < parts.length; f++) {
      parts[f] = Arrays.copyOf(parts[f], keys);
    }
    return new Blocks(fields, parts, Arrays.copyOf(start, keys + 1), members);
  }

  /** How many records have the key. */
  int size(int key) {
    return start[key + 1] - start[key];
  }

  /** The records that have the key, in record order. */
  int[] members(int key) {
    return Arrays.copyOfRange(members, start[key], start[key + 1]);
  }

  /** Adds to {@code records} the members of the blocks of {@code min} to {@code max} records. */
  void addMembers(int min, int max, BitSet records) {
    for (int key = 0; key + 1 < start.length; key++) {
      int size = size(key);
      if (size >= min && size <= max) {
        for (int i = start[key]; i < start[key + 1]; i++) {
          records.set(members[i]);
        }
      }
    }
  }

  /** A record's keys. */
  int[] keys(int record) {
    int[][] recordParts = new int[fields.size()][];
    for (int f = 0; f < recordParts.length; f++) {
      recordParts[f] = fields.get(f).of(record);
    }
    return keys(recordParts);
  }

  /**
   * The keys of records of other party data (earlier versions of the records, the same fields
   * in {@code columns}), those that some record has here.
   */
  IntFunction<int[]> keysIn(List<FieldColumn> columns) {
    List<IntFunction<int[]>> partsThere = new java.util.ArrayList<>();
    for (int f = 0; f < fields.size(); f++) {
      partsThere.add(fields.get(f).in(columns.get(f)));
    }
    return record -> {
      int[][] recordParts = new int[fields.size()][];
      for (int f = 0; f < recordParts.length; f++) {
        recordParts[f] = partsThere.get(f).apply(record);
      }
      return keys(recordParts);
    };
  }

  private int[] keys(int[][] recordParts) {
    int[] keys = new int[combinations(recordParts)];
    int[] key = new int[recordParts.length];
    int n = 0;
    for (int c = 0; c < keys.length; c++) {
      combination(recordParts, c, key);
      int found = find(key);
      if (found >= 0) {
        keys[n++] = found;
      }
    }
    return Arrays.copyOf(keys, n);
  }

  /** The number of the key made of these parts, or -1 when no record has it. */
  private int find(int[] key) {
    int low = 0;
    int high = start.length - 2;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = 0;
      for (int f = 0; f < key.length && cmp == 0; f++) {
        cmp = Integer.compare(parts[f][mid], key[f]);
      }
      if (cmp < 0) {
        low = mid + 1;
      } else if (cmp > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** How many keys a record has: one part per field (none when a field has none). */
  private static int combinations(KeyParts[] fields, int record) {
    int n = 1;
    for (KeyParts field : fields) {
      n *= field.countOf(record);
    }
    return n;
  }

  /** How many keys one part per field makes (none when a field has none). */
  private static int combinations(int[][] recordParts) {
    int n = 1;
    for (int[] p : recordParts) {
      n *= p.length;
    }
    return n;
  }

  /** The c-th combination of one part per field, into {@code key}. */
  private static void combination(int[][] recordParts, int c, int[] key) {
    for (int f = recordParts.length - 1; f >= 0; f--) {
      key[f] = recordParts[f][c % recordParts[f].length];
      c /= recordParts[f].length;
    }
  }

  /** {@code order} sorted by the part of each entry, equal parts in the order they were. */
  private static int[] sortedBy(int[] part, int count, int[] order) {
    int[] first = new int[count + 1];
    for (int e : order) {
      first[part[e] + 1]++;
    }
    for (int p = 0; p < count; p++) {
      first[p + 1] += first[p];
    }
    int[] sorted = new int[order.length];
    for (int e : order) {
      sorted[first[part[e]]++] = e;
    }
    return sorted;
  }

  /** Every record's keys, as (record, parts) entries in record order. */
  private static final class Entries {
    int[] records;
    final int[][] parts;
    int size;

    Entries(int fields, int capacity) {
      records = new int[capacity];
      parts = new int[fields][capacity];
    }

    void add(int record, int[] key) {
      if (size == records.length) {
        int capacity = size + size / 2 + 16;
        records = Arrays.copyOf(records, capacity);
        for (int f = 0; f < parts.length; f++) {
          parts[f] = Arrays.copyOf(parts[f], capacity);
        }
      }
      records[size] = record;
      for (int f = 0; f < parts.length; f++) {
        parts[f][size] = key[f];
      }
      size++;
    }

    boolean sameKey(int a, int b) {
      for (int[] p : parts) {
        if (p[a] != p[b]) {
          return false;
        }
      }
      return true;
    }
  }
}
