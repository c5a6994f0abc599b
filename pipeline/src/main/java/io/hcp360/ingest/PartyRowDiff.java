package io.hcp360.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a file read again changes in the staged party rows, from the rows of its earlier copy and
 * the rows it holds now, each in line order.
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
 * <p>A file holds hundreds of thousands of rows: each is one small object, and the result is
 * taken in one pass over them.
 */
final class PartyRowDiff {
  /**
   * An earlier staged row: where it is stored, its line, hash and line hash, and the line it is
   * kept at with that line's hash.
   */
  private static final class Earlier {
    final String ctid;
    final int line;
    final String hash;
    final String lineHash;
    final Rows rows;  // its record's
    Earlier sameLine;  // the next earlier row with the same line hash
    int lineNow = -1;  // not kept (yet)
    String lineHashNow;

    Earlier(String ctid, int line, String hash, String lineHash, Rows rows) {
      this.ctid = ctid;
      this.line = line;
      this.hash = hash;
      this.lineHash = lineHash;
      this.rows = rows;
    }

    void keep(int line, String lineHash) {
      lineNow = line;
      lineHashNow = lineHash;
    }
  }

  /** One record: its earlier rows in line order, and how its rows now compare with them. */
  private static final class Rows {
    final String key;
    final List<Earlier> earlier = new ArrayList<>(1);
    int now;  // rows now so far
    boolean differs;  // a row now differs from the earlier row in its place

    Rows(String key) {
      this.key = key;
    }

    /** The record's next row now, in line order, has this hash. */
    void next(String hash) {
      if (now >= earlier.size() || !earlier.get(now).hash.equals(hash)) {
        differs = true;
      }
      now++;
    }

    boolean changed() {
      return differs || now != earlier.size();
    }
  }

  /** A kept row to give the line it is read from now, that line's hash and this run. */
  record Move(String ctid, int line, String lineHash) {}

  /**
   * What the file changes: the records changed, the ctids of the earlier rows to delete, the
   * kept rows to move, and how many rows were kept (of which how many from known lines).
   */
  record Result(List<String> changed, List<String> gone, List<Move> moved, int kept,
      int knownLines) {}

  private final Map<String, Rows> records;
  /** Every earlier row, in line order. */
  private final List<Earlier> all;
  /** The earlier rows by the hash of their line, when they have one (chained on). */
  private final Map<String, Earlier> byLine;
  /** The records the earlier copy did not hold. */
  private final List<Rows> added = new ArrayList<>();
  /** The rows {@link #known} kept, in line order, until {@link #nowKnown} takes them. */
  private final Deque<Earlier> known = new ArrayDeque<>();
  private int knownLines;

  /** @param expected about how many rows the file's earlier copy holds */
  PartyRowDiff(int expected) {
    records = HashMap.newHashMap(expected);
    all = new ArrayList<>(expected);
    byLine = HashMap.newHashMap(expected);
  }

  PartyRowDiff() {
    this(16);
  }

  /**
   * A party row of the file's earlier copy (in line order): its ctid, line, record, hash and
   * the hash of the line it was read from (or null).
   */
  void before(String ctid, int line, String sourceId, String rowHash, String lineHash) {
    Rows rows = records.computeIfAbsent(sourceId, Rows::new);
    Earlier earlier = new Earlier(ctid, line, rowHash, lineHash, rows);
    rows.earlier.add(earlier);
    all.add(earlier);
    if (lineHash != null) {
      Earlier same = byLine.putIfAbsent(lineHash, earlier);
      if (same != null) {
        while (same.sameLine != null) {
          same = same.sameLine;
        }
        same.sameLine = earlier;
      }
    }
  }

  /**
   * Whether a line the file holds now (with this {@link LineHash}) is one an earlier row not
   * kept yet was read from: then that row is kept, unparsed, and {@link #nowKnown} must be told
   * when the line's turn comes.
   */
  boolean known(String lineHash, int line) {
    for (Earlier earlier = byLine.get(lineHash); earlier != null; earlier = earlier.sameLine) {
      if (earlier.lineNow < 0) {
        earlier.keep(line, lineHash);
        known.add(earlier);
        return true;
      }
    }
    return false;
  }

  /** A known line's turn, in line order with {@link #now}. */
  void nowKnown(int line) {
    Earlier earlier = known.removeFirst();
    if (earlier.lineNow != line) {
      throw new IllegalStateException("known line " + earlier.lineNow + " told as " + line);
    }
    knownLines++;
    earlier.rows.next(earlier.hash);
  }

  /**
   * A party row the file holds now, in line order, with its line's hash (or null); true when it
   * must be staged (no earlier row of its record with the same values is left to keep).
   */
  boolean now(String sourceId, String rowHash, int line, String lineHash) {
    Rows rows = records.get(sourceId);
    if (rows == null) {
      rows = new Rows(sourceId);
      records.put(sourceId, rows);
      added.add(rows);
    }
    rows.next(rowHash);
    for (Earlier earlier : rows.earlier) {
      if (earlier.lineNow < 0 && earlier.hash.equals(rowHash)) {
        earlier.keep(line, lineHash);
        return false;
      }
    }
    return true;
  }

  /** What the file changes, once every row now was told. */
  Result result() {
    List<String> changed = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<Move> moved = new ArrayList<>();
    int kept = 0;
    for (Earlier earlier : all) {
      boolean recordChanged = earlier.rows.changed();
      if (recordChanged && earlier.rows.earlier.get(0) == earlier) {
        changed.add(earlier.rows.key);
      }
      if (earlier.lineNow < 0) {
        gone.add(earlier.ctid);
        continue;
      }
      kept++;
      // The kept rows of changed records take their line now; so does a row kept from a line
      // of another hash, so that a row's line hash is always its line's.
      if ((recordChanged && earlier.lineNow != earlier.line)
          || !Objects.equals(earlier.lineHashNow, earlier.lineHash)) {
        moved.add(new Move(earlier.ctid, earlier.lineNow, earlier.lineHashNow));
      }
    }
    for (Rows rows : added) {
      changed.add(rows.key);
    }
    return new Result(changed, gone, moved, kept, knownLines);
  }
}
