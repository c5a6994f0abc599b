package io.hcp360.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>A file holds hundreds of thousands of rows, all held at once: each earlier row is one
 * object of numbers (its hashes as two longs each), found by line hash in an open-addressing
 * table, so that garbage collection has little to copy.
 */
final class PartyRowDiff {
  /** An earlier staged row, and the line it is kept at with that line's hash. */
  private static final class Earlier {
    final long ctid;
    final int line;
    final boolean hashed;  // staged with a row hash
    final long hash1;
    final long hash2;
    final boolean lineHashed;  // staged with a line hash
    final long lineHash1;
    final long lineHash2;
    final Rows rows;  // its record's
    Earlier nextInRecord;  // in line order
    Earlier sameLine;  // the next earlier row with the same line hash
    int lineNow = -1;  // not kept (yet)
    Hash128 lineHashNow;

    Earlier(long ctid, int line, Hash128 hash, Hash128 lineHash, Rows rows) {
      this.ctid = ctid;
      this.line = line;
      this.hashed = hash != null;
      this.hash1 = hash == null ? 0 : hash.high();
      this.hash2 = hash == null ? 0 : hash.low();
      this.lineHashed = lineHash != null;
      this.lineHash1 = lineHash == null ? 0 : lineHash.high();
      this.lineHash2 = lineHash == null ? 0 : lineHash.low();
      this.rows = rows;
    }

    boolean hasHash(Hash128 hash) {
      return hashed && hash != null && hash1 == hash.high() && hash2 == hash.low();
    }

    boolean hasLineHash(Hash128 hash) {
      return lineHashed && hash != null && lineHash1 == hash.high() && lineHash2 == hash.low();
    }

    boolean sameLineHash(Earlier other) {
      return lineHash1 == other.lineHash1 && lineHash2 == other.lineHash2;
    }

    void keep(int line, Hash128 lineHash) {
      lineNow = line;
      lineHashNow = lineHash;
    }
  }

  /** One record: its earlier rows in line order, and how its rows now compare with them. */
  private static final class Rows {
    final String key;
    Earlier first;
    Earlier last;
    int count;  // earlier rows
    Earlier place;  // the earlier row in the place of the next row now
    int now;  // rows now so far
    boolean differs;  // a row now differs from the earlier row in its place

    Rows(String key) {
      this.key = key;
    }

    void add(Earlier earlier) {
      if (first == null) {
        first = earlier;
        place = earlier;
      } else {
        last.nextInRecord = earlier;
      }
      last = earlier;
      count++;
    }

    /** The record's next row now, in line order, has this hash. */
    void next(Hash128 hash) {
      if (place == null || !place.hasHash(hash)) {
        differs = true;
      }
      place = place == null ? null : place.nextInRecord;
      now++;
    }

    boolean changed() {
      return differs || now != count;
    }
  }

  /** A kept row to give the line it is read from now, that line's hash and this run. */
  record Move(String ctid, int line, Hash128 lineHash) {}

  /** A line the file holds now, and its hash. */
  record Line(int line, Hash128 lineHash) {}

  /**
   * What the file changes: the records changed, the ctids of the earlier rows to delete, the
   * kept rows to move, how many rows were kept, and the known lines among them (not parsed), in
   * line order.
   */
  record Result(List<String> changed, List<String> gone, List<Move> moved, int kept,
      List<Line> known) {
    /** How many rows were kept from known lines. */
    int knownLines() {
      return known.size();
    }
  }

  private final Map<String, Rows> records;
  /** Every earlier row; in line order once prepared. */
  private final List<Earlier> all;
  /** The earlier rows by line hash (open addressing; those with equal hashes chained on). */
  private Earlier[] byLine;
  private boolean prepared;
  /** The records the earlier copy did not hold. */
  private final List<Rows> added = new ArrayList<>();
  /** The rows {@link #known} kept, in line order, until {@link #nowKnown} takes them. */
  private final Deque<Earlier> known = new ArrayDeque<>();
  /** The known lines taken, in line order. */
  private final List<Line> knownTaken = new ArrayList<>();

  /** @param expected about how many rows the file's earlier copy holds */
  PartyRowDiff(int expected) {
    records = HashMap.newHashMap(expected);
    all = new ArrayList<>(expected);
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
    Rows rows = records.computeIfAbsent(sourceId, Rows::new);
    all.add(new Earlier(ctid, line, rowHash, lineHash, rows));
  }

  /** Puts the earlier rows in line order, per record and by line hash. */
  private void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    all.sort(Comparator.comparingInt(e -> e.line));
    int capacity = Integer.highestOneBit(Math.max(16, all.size() * 2 - 1)) << 1;
    byLine = new Earlier[capacity];
    for (Earlier earlier : all) {
      earlier.rows.add(earlier);
      if (earlier.lineHashed) {
        int slot = slot(earlier.lineHash1, earlier.lineHash2);
        while (byLine[slot] != null && !byLine[slot].sameLineHash(earlier)) {
          slot = (slot + 1) & (byLine.length - 1);
        }
        if (byLine[slot] == null) {
          byLine[slot] = earlier;
        } else {
          Earlier same = byLine[slot];
          while (same.sameLine != null) {
            same = same.sameLine;
          }
          same.sameLine = earlier;
        }
      }
    }
  }

  private int slot(long high, long low) {
    long mixed = (high ^ low) * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 33) & (byLine.length - 1);
  }

  /**
   * Whether a line the file holds now (with this {@link LineHash}) is one an earlier row not
   * kept yet was read from: then that row is kept, unparsed, and {@link #nowKnown} must be told
   * when the line's turn comes.
   */
  boolean known(Hash128 lineHash, int line) {
    prepare();
    int slot = slot(lineHash.high(), lineHash.low());
    for (Earlier at = byLine[slot]; at != null; at = byLine[slot]) {
      if (at.hasLineHash(lineHash)) {
        for (Earlier earlier = at; earlier != null; earlier = earlier.sameLine) {
          if (earlier.lineNow < 0) {
            earlier.keep(line, lineHash);
            known.add(earlier);
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
    Earlier earlier = known.removeFirst();
    if (earlier.lineNow != line) {
      throw new IllegalStateException("known line " + earlier.lineNow + " told as " + line);
    }
    knownTaken.add(new Line(line, earlier.lineHashNow));
    earlier.rows.next(new Hash128(earlier.hash1, earlier.hash2));
  }

  /**
   * A party row the file holds now, in line order, with its line's hash (or null); true when it
   * must be staged (no earlier row of its record with the same values is left to keep).
   */
  boolean now(String sourceId, Hash128 rowHash, int line, Hash128 lineHash) {
    prepare();
    Rows rows = records.get(sourceId);
    if (rows == null) {
      rows = new Rows(sourceId);
      records.put(sourceId, rows);
      added.add(rows);
    }
    rows.next(rowHash);
    for (Earlier earlier = rows.first; earlier != null; earlier = earlier.nextInRecord) {
      if (earlier.lineNow < 0 && earlier.hasHash(rowHash)) {
        earlier.keep(line, lineHash);
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
    for (Earlier earlier : all) {
      boolean recordChanged = earlier.rows.changed();
      if (recordChanged && earlier.rows.first == earlier) {
        changed.add(earlier.rows.key);
      }
      if (earlier.lineNow < 0) {
        gone.add(ctid(earlier.ctid));
        continue;
      }
      kept++;
      // The kept rows of changed records take their line now; so does a row kept from a line
      // of another hash, so that a row's line hash is always its line's.
      boolean sameLineHash = earlier.lineHashNow == null ? !earlier.lineHashed
          : earlier.hasLineHash(earlier.lineHashNow);
      if ((recordChanged && earlier.lineNow != earlier.line) || !sameLineHash) {
        moved.add(new Move(ctid(earlier.ctid), earlier.lineNow, earlier.lineHashNow));
      }
    }
    for (Rows rows : added) {
      changed.add(rows.key);
    }
    return new Result(changed, gone, moved, kept, List.copyOf(knownTaken));
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
