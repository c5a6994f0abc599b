package io.hcp360.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a file read again changes in the staged party rows, from the rows of its earlier copy
 * (told in any order) and the rows it holds now (told in line order).
 *
 * <p>A row the file holds now is <em>kept</em> when an earlier row of the same record with the
 * same values (row hash) is left to pair it with: it is not staged again, and its staged row
 * keeps the run and line that read it. A line read from before ({@link #known}: the same
 * {@link LineHash}) is kept without being parsed at all. Other rows are staged; earlier rows
 * left unpaired are deleted ({@link Result#gone()}).
 *
 * <p>A record is <em>changed</em> when the hashes of its rows, in file order, differ between the
 * two copies (a row added, removed or edited, or the record's rows reordered, which can change
 * the version standardize picks). Rows that only moved to other lines, with the record's other
 * rows, do not change it. Standardize looks at the changed records only
 * ({@link Result#changed()}). The kept rows of a changed record are given their line now and
 * this run ({@link Result#moved()}), so that all of a record's rows in a file count lines in one
 * copy of the file: standardize breaks ties between a record's versions by line. So is a row
 * kept from a line of another hash, so that its line hash stays the hash of a line that stages
 * it. A file read for the first time changes all its records and stages all its rows.
 *
 * <p>A file holds hundreds of thousands of rows, all held at once: the earlier rows and their
 * records are numbers in arrays (hashes as two longs each, records' keys as bytes in
 * {@link RecordKeys}), found by line hash in an open-addressing table, so that garbage
 * collection has little to copy: with an object per row, record and known line, young
 * collections paused 0.63-0.73 s while the benchmark's three party files were read again, now
 * 0.38-0.41 s.
 */
final class PartyRowDiff {
  private static final int NONE = -1;
  private static final byte HASHED = 1;  // staged with a row hash
  private static final byte LINE_HASHED = 2;  // staged with a line hash
  private static final byte KEPT_LINE_HASHED = 4;  // kept at a line with a hash

  /** A kept row to give the line it is read from now, that line's hash and this run. */
  record Move(String ctid, int line, Hash128 lineHash) {}

  /** A line the file holds now, and its hash. */
  record Line(int line, Hash128 lineHash) {}

  /**
   * What the file changes: the records changed, the ctids of the earlier rows to delete, the
   * kept rows to move, how many rows were kept, and the known lines among them (not parsed), in
   * line order (their numbers and hashes, two longs each).
   */
  record Result(List<String> changed, List<String> gone, List<Move> moved, int kept,
      int[] knownLineNumbers, long[] knownLineHashes) {
    /** How many rows were kept from known lines. */
    int knownLines() {
      return knownLineNumbers.length;
    }

    /** The known lines, in line order. */
    List<Line> known() {
      List<Line> known = new ArrayList<>(knownLineNumbers.length);
      for (int i = 0; i < knownLineNumbers.length; i++) {
        known.add(new Line(knownLineNumbers[i],
            new Hash128(knownLineHashes[2 * i], knownLineHashes[2 * i + 1])));
      }
      return known;
    }
  }

  // The earlier rows, numbered in the order told: ctid, line, flags, hashes (two longs each, 0
  // when none), record, the next of its record in line order, the next with the same line hash,
  // and the line it is kept at now (NONE: not kept, yet) with that line's hash.
  private int size;
  private long[] ctid;
  private int[] line;
  private byte[] flags;
  private long[] hashes;
  private long[] lineHashes;
  private int[] record;
  private int[] nextInRecord;
  private int[] sameLine;
  private int[] lineNow;
  private long[] lineHashesNow;

  // The records, numbered by {@link #keys}: their earlier rows in line order (first, last,
  // count), the earlier row in the place of the next row now, the rows now so far, and whether
  // a row now differed from the earlier row in its place.
  private final RecordKeys keys;
  private int[] first;
  private int[] last;
  private int[] count;
  private int[] place;
  private int[] now;
  private boolean[] differs;
  /** The records the earlier copy did not hold, in the order the file holds them. */
  private int[] added = new int[64];
  private int addedCount;

  private boolean prepared;
  /** The earlier rows in line order, once prepared. */
  private int[] order;
  /** The earlier rows by line hash (open addressing; those with equal hashes chained on). */
  private int[] byLine;
  /** The rows {@link #known} kept, in line order; the first {@link #taken} were told now. */
  private int[] known = new int[1024];
  private int knownCount;
  private int taken;

  /** @param expected about how many rows the file's earlier copy holds */
  PartyRowDiff(int expected) {
    int capacity = Math.max(16, expected);
    keys = new RecordKeys(capacity);
    ctid = new long[capacity];
    line = new int[capacity];
    flags = new byte[capacity];
    hashes = new long[2 * capacity];
    lineHashes = new long[2 * capacity];
    record = new int[capacity];
    first = new int[capacity];
    last = new int[capacity];
    count = new int[capacity];
  }

  PartyRowDiff() {
    this(16);
  }

  /**
   * A party row of the file's earlier copy, in any order: its ctid ("(block,offset)"), line,
   * record, hash and the hash of the line it was read from (each hash or null).
   */
  void before(String ctid, int line, String sourceId, Hash128 rowHash, Hash128 lineHash) {
    before(ctid(ctid), line, sourceId, rowHash, lineHash);
  }

  /** {@link #before(String, int, String, Hash128, Hash128)}, the ctid as one number. */
  void before(long ctid, int line, String sourceId, Hash128 rowHash, Hash128 lineHash) {
    if (prepared) {
      throw new IllegalStateException("earlier rows come first");
    }
    if (size == this.ctid.length) {
      growEarlier();
    }
    int e = size++;
    this.ctid[e] = ctid;
    this.line[e] = line;
    flags[e] = (byte) ((rowHash == null ? 0 : HASHED) | (lineHash == null ? 0 : LINE_HASHED));
    set(hashes, e, rowHash);
    set(lineHashes, e, lineHash);
    record[e] = record(sourceId);
  }

  private static void set(long[] pairs, int i, Hash128 hash) {
    pairs[2 * i] = hash == null ? 0 : hash.high();
    pairs[2 * i + 1] = hash == null ? 0 : hash.low();
  }

  private void growEarlier() {
    int capacity = ctid.length * 2;
    ctid = Arrays.copyOf(ctid, capacity);
    line = Arrays.copyOf(line, capacity);
    flags = Arrays.copyOf(flags, capacity);
    hashes = Arrays.copyOf(hashes, 2 * capacity);
    lineHashes = Arrays.copyOf(lineHashes, 2 * capacity);
    record = Arrays.copyOf(record, capacity);
  }

  /** The record's number, numbering it when it is new. */
  private int record(String sourceId) {
    int known = keys.size();
    int r = keys.add(sourceId);
    if (r < known) {
      return r;
    }
    if (r == first.length) {
      int capacity = first.length * 2;
      first = Arrays.copyOf(first, capacity);
      last = Arrays.copyOf(last, capacity);
      count = Arrays.copyOf(count, capacity);
      if (prepared) {
        place = Arrays.copyOf(place, capacity);
        now = Arrays.copyOf(now, capacity);
        differs = Arrays.copyOf(differs, capacity);
      }
    }
    first[r] = NONE;
    last[r] = NONE;
    if (prepared) {
      place[r] = NONE;
    }
    return r;
  }

  /** Puts the earlier rows in line order, per record and by line hash. */
  private void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    long[] byLineOrder = new long[size];
    for (int e = 0; e < size; e++) {
      byLineOrder[e] = (long) line[e] << 32 | e;  // ties in the order told
    }
    Arrays.sort(byLineOrder);
    order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = (int) byLineOrder[i];
    }
    nextInRecord = new int[size];
    sameLine = new int[size];
    lineNow = new int[size];
    lineHashesNow = new long[2 * size];
    Arrays.fill(nextInRecord, NONE);
    Arrays.fill(sameLine, NONE);
    Arrays.fill(lineNow, NONE);
    place = new int[first.length];
    now = new int[first.length];
    differs = new boolean[first.length];
    Arrays.fill(place, NONE);
    byLine = new int[Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1];
    Arrays.fill(byLine, NONE);
    for (int e : order) {
      int r = record[e];
      if (first[r] == NONE) {
        first[r] = e;
        place[r] = e;
      } else {
        nextInRecord[last[r]] = e;
      }
      last[r] = e;
      count[r]++;
      if ((flags[e] & LINE_HASHED) != 0) {
        long high = lineHashes[2 * e];
        long low = lineHashes[2 * e + 1];
        int slot = slot(high, low);
        while (byLine[slot] != NONE && !sameLineHash(byLine[slot], high, low)) {
          slot = (slot + 1) & (byLine.length - 1);
        }
        if (byLine[slot] == NONE) {
          byLine[slot] = e;
        } else {
          int same = byLine[slot];
          while (sameLine[same] != NONE) {
            same = sameLine[same];
          }
          sameLine[same] = e;
        }
      }
    }
  }

  private boolean sameLineHash(int e, long high, long low) {
    return lineHashes[2 * e] == high && lineHashes[2 * e + 1] == low;
  }

  private boolean hasHash(int e, long high, long low) {
    return (flags[e] & HASHED) != 0 && hashes[2 * e] == high && hashes[2 * e + 1] == low;
  }

  private int slot(long high, long low) {
    long mixed = (high ^ low) * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 33) & (byLine.length - 1);
  }

  /** Keeps earlier row e at this line now, with the line's hash (or null). */
  private void keep(int e, int lineNow, Hash128 lineHash) {
    this.lineNow[e] = lineNow;
    if (lineHash != null) {
      flags[e] |= KEPT_LINE_HASHED;
      set(lineHashesNow, e, lineHash);
    }
  }

  /** The record's next row now, in line order, has this hash (none: not hashed). */
  private void next(int r, boolean hashed, long high, long low) {
    int at = place[r];
    if (at == NONE || !hashed || !hasHash(at, high, low)) {
      differs[r] = true;
    }
    place[r] = at == NONE ? NONE : nextInRecord[at];
    now[r]++;
  }

  private boolean changed(int r) {
    return differs[r] || now[r] != count[r];
  }

  /**
   * Whether a line the file holds now (with this {@link LineHash}) is one an earlier row not
   * kept yet was read from: then that row is kept, unparsed, and {@link #nowKnown} must be told
   * when the line's turn comes.
   */
  boolean known(Hash128 lineHash, int line) {
    prepare();
    long high = lineHash.high();
    long low = lineHash.low();
    int slot = slot(high, low);
    for (int at = byLine[slot]; at != NONE; at = byLine[slot]) {
      if (sameLineHash(at, high, low)) {
        for (int e = at; e != NONE; e = sameLine[e]) {
          if (lineNow[e] == NONE) {
            keep(e, line, lineHash);
            if (knownCount == known.length) {
              known = Arrays.copyOf(known, known.length * 2);
            }
            known[knownCount++] = e;
            return true;
          }
        }
        return false;
      }
      slot = (slot + 1) & (byLine.length - 1);
    }
    return false;
  }

  /** A known line's turn, in line order with {@link #now}. */
  void nowKnown(int line) {
    if (taken == knownCount) {
      throw new IllegalStateException("line " + line + " told as known, none was");
    }
    int e = known[taken];
    if (lineNow[e] != line) {
      throw new IllegalStateException("known line " + lineNow[e] + " told as " + line);
    }
    taken++;
    next(record[e], true, hashes[2 * e], hashes[2 * e + 1]);
  }

  /**
   * A party row the file holds now, in line order, with its line's hash (or null); true when it
   * must be staged (no earlier row of its record with the same values is left to keep).
   */
  boolean now(String sourceId, Hash128 rowHash, int line, Hash128 lineHash) {
    prepare();
    int before = keys.size();
    int r = record(sourceId);
    if (r == before) {
      if (addedCount == added.length) {
        added = Arrays.copyOf(added, added.length * 2);
      }
      added[addedCount++] = r;
    }
    long high = rowHash == null ? 0 : rowHash.high();
    long low = rowHash == null ? 0 : rowHash.low();
    next(r, rowHash != null, high, low);
    for (int e = first[r]; e != NONE; e = nextInRecord[e]) {
      if (lineNow[e] == NONE && rowHash != null && hasHash(e, high, low)) {
        keep(e, line, lineHash);
        return false;
      }
    }
    return true;
  }

  /** What the file changes, once every row now was told. */
  Result result() {
    prepare();
    List<String> changed = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<Move> moved = new ArrayList<>();
    int kept = 0;
    for (int e : order) {
      int r = record[e];
      boolean recordChanged = changed(r);
      if (recordChanged && first[r] == e) {
        changed.add(keys.key(r));
      }
      if (lineNow[e] == NONE) {
        gone.add(ctid(ctid[e]));
        continue;
      }
      kept++;
      // The kept rows of changed records take their line now; so does a row kept from a line
      // of another hash, so that a row's line hash is always its line's.
      boolean keptHashed = (flags[e] & KEPT_LINE_HASHED) != 0;
      boolean sameLineHash = !keptHashed ? (flags[e] & LINE_HASHED) == 0
          : (flags[e] & LINE_HASHED) != 0
              && sameLineHash(e, lineHashesNow[2 * e], lineHashesNow[2 * e + 1]);
      if ((recordChanged && lineNow[e] != line[e]) || !sameLineHash) {
        moved.add(new Move(ctid(ctid[e]), lineNow[e], keptHashed
            ? new Hash128(lineHashesNow[2 * e], lineHashesNow[2 * e + 1]) : null));
      }
    }
    for (int i = 0; i < addedCount; i++) {
      changed.add(keys.key(added[i]));
    }
    int[] knownLines = new int[taken];
    long[] knownHashes = new long[2 * taken];
    for (int i = 0; i < taken; i++) {
      int e = known[i];
      knownLines[i] = lineNow[e];
      knownHashes[2 * i] = lineHashesNow[2 * e];
      knownHashes[2 * i + 1] = lineHashesNow[2 * e + 1];
    }
    return new Result(changed, gone, moved, kept, knownLines, knownHashes);
  }

  /** A ctid ("(block,offset)") as one number. */
  static long ctid(String text) {
    int comma = text.indexOf(',');
    if (text.charAt(0) != '(' || comma < 0 || text.charAt(text.length() - 1) != ')') {
      throw new IllegalArgumentException("not a ctid: " + text);
    }
    return Long.parseLong(text, 1, comma, 10) << 16
        | Integer.parseInt(text, comma + 1, text.length() - 1, 10);
  }

  /** The ctid a number stands for. */
  static String ctid(long ctid) {
    return "(" + (ctid >>> 16) + "," + (ctid & 0xFFFF) + ")";
  }
}
