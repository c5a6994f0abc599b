package io.hcp360.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Record keys (source ids) numbered 0, 1, 2... in the order first told, held as UTF-8 bytes in
 * one array and found by an open-addressing table of numbers: hundreds of thousands are held at
 * once (a file's earlier rows, {@link PartyRowDiff}), and a String and a map entry each were
 * most of what garbage collection copied while a file was read again.
 */
final class RecordKeys {
  private static final int NONE = -1;

  private byte[] bytes;
  private int used;
  /** Where key i starts in {@link #bytes}; key i ends where key i + 1 starts. */
  private int[] starts;
  private int[] hashes;
  private int size;
  /** Key numbers by hash, NONE for an empty slot; its length a power of two. */
  private int[] table;

  /** @param expected about how many keys there will be */
  RecordKeys(int expected) {
    int capacity = Math.max(16, expected);
    bytes = new byte[capacity * 12];
    starts = new int[capacity + 1];
    hashes = new int[capacity];
    table = new int[tableSize(capacity)];
    Arrays.fill(table, NONE);
  }

  /** How many keys there are. */
  int size() {
    return size;
  }

  /** The key's number, the key numbered now (the next number) when it is new. */
  int add(String key) {
    byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
    int hash = hash(utf8);
    int slot = find(utf8, hash);
    if (table[slot] != NONE) {
      return table[slot];
    }
    if (size == hashes.length) {
      grow();
      slot = find(utf8, hash);
    }
    if (used + utf8.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + utf8.length));
    }
    System.arraycopy(utf8, 0, bytes, used, utf8.length);
    used += utf8.length;
    hashes[size] = hash;
    starts[size + 1] = used;
    table[slot] = size;
    return size++;
  }

  /** The key's number, or -1 when it was never added. */
  int find(String key) {
    byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
    return table[find(utf8, hash(utf8))];
  }

  /** Key number i. */
  String key(int i) {
    return new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private int find(byte[] utf8, int hash) {
    int mask = table.length - 1;
    int slot = hash & mask;
    while (table[slot] != NONE) {
      int i = table[slot];
      if (hashes[i] == hash && Arrays.equals(bytes, starts[i], starts[i + 1], utf8, 0,
          utf8.length)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int capacity = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    starts = Arrays.copyOf(starts, capacity + 1);
    table = new int[tableSize(capacity)];
    Arrays.fill(table, NONE);
    int mask = table.length - 1;
    for (int i = 0; i < size; i++) {
      int slot = hashes[i] & mask;
      while (table[slot] != NONE) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i;
    }
  }

  /** A table at most half full. */
  private static int tableSize(int capacity) {
    return Integer.highestOneBit(capacity * 2 - 1) << 1;
  }

  private static int hash(byte[] utf8) {
    int h = 1;
    for (byte b : utf8) {
      h = 31 * h + b;
    }
    int mixed = h * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }
}
