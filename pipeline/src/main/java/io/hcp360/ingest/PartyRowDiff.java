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
 * {@link LineHash}) is kept without being parsed at all. Other rows are staged; earlier rows left unpaired are
 * deleted ({@link #gone()}).
 *
 * <p>A record is <em>changed</em> when the hashes of its rows, in file order, differ between the
 * two copies (a row added, removed or edited, or the record's rows reordered, which can change
 * the version standardize picks). Rows that only moved to other lines, with the record's other
 * rows, do not change it. Standardize looks at the changed records only ({@link #changed()}).
 * The kept rows of a changed record are given their line now and this run ({@link #moved()}),
 * so that all of a record's rows in a file count lines in one copy of the file: standardize
 * breaks ties between a record's versions by line. So is a row kept from a line of another
 * hash, so that its line hash stays the hash of a line that stages it. A file read for the first time changes all
 * its records and stages all its rows.
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

  /** One record's rows: the hashes in line order before and now, and the earlier rows. */
  private static final class Rows {
    String before = "";
    String now = "";
    final List<Earlier> earlier = new ArrayList<>(1);
  }

  /** A kept row to give the line it is read from now, that line's hash and this run. */
  record Move(String ctid, int line, String lineHash) {}

  private final Map<String, Rows> records;
  /** The earlier rows by the hash of their line ({@link LineHash}), when they have one. */
  private final Map<String, List<Earlier>> byLine;
  /** The rows {@link #known} kept, in line order, until {@link #nowKnown} takes them. */
  private final Deque<Earlier> known = new ArrayDeque<>();
  private int knownLines;

  /** @param expected about how many rows the file's earlier copy holds */
  PartyRowDiff(int expected) {
    records = HashMap.newHashMap(expected);
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
    Rows rows = records.computeIfAbsent(sourceId, k -> new Rows());
    rows.before = rows.before.concat(rowHash);
    Earlier earlier = new Earlier(ctid, line, rowHash, lineHash, rows);
    rows.earlier.add(earlier);
    if (lineHash != null) {
      byLine.computeIfAbsent(lineHash, k -> new ArrayList<>(1)).add(earlier);
    }
  }

  /**
   * Whether a line the file holds now (with this {@link LineHash}) is one an earlier row not
   * kept yet was read from: then that row is kept, unparsed, and {@link #nowKnown} must be told
   * when the line's turn comes.
   */
  boolean known(String lineHash, int line) {
    List<Earlier> rows = byLine.get(lineHash);
    if (rows != null) {
      for (Earlier earlier : rows) {
        if (earlier.lineNow < 0) {
          earlier.keep(line, lineHash);
          known.add(earlier);
          return true;
        }
      }
    }
    return false;
  }

  /** A known line's turn, in line order with {@link #now}. */
  void nowKnown(int line) {
    knownLines++;
    Earlier earlier = known.removeFirst();
    if (earlier.lineNow != line) {
      throw new IllegalStateException("known line " + earlier.lineNow + " told as " + line);
    }
    earlier.rows.now = earlier.rows.now.concat(earlier.hash);
  }

  /**
   * A party row the file holds now, in line order, with its line's hash (or null); true when it
   * must be staged (no earlier row of its record with the same values is left to keep).
   */
  boolean now(String sourceId, String rowHash, int line, String lineHash) {
    Rows rows = records.computeIfAbsent(sourceId, k -> new Rows());
    rows.now = rows.now.concat(rowHash);
    for (Earlier earlier : rows.earlier) {
      if (earlier.lineNow < 0 && earlier.hash.equals(rowHash)) {
        earlier.keep(line, lineHash);
        return false;
      }
    }
    return true;
  }

  /** How many lines were known, and their rows kept unparsed. */
  int knownLines() {
    return knownLines;
  }

  /** The records whose rows differ, in no particular order. */
  List<String> changed() {
    List<String> changed = new ArrayList<>();
    records.forEach((key, rows) -> {
      if (!rows.now.equals(rows.before)) {
        changed.add(key);
      }
    });
    return changed;
  }

  /** How many earlier rows were kept. */
  int kept() {
    int kept = 0;
    for (Rows rows : records.values()) {
      for (Earlier earlier : rows.earlier) {
        kept += earlier.lineNow >= 0 ? 1 : 0;
      }
    }
    return kept;
  }

  /** The ctids of the earlier rows not kept: to delete. */
  List<String> gone() {
    List<String> gone = new ArrayList<>();
    for (Rows rows : records.values()) {
      for (Earlier earlier : rows.earlier) {
        if (earlier.lineNow < 0) {
          gone.add(earlier.ctid);
        }
      }
    }
    return gone;
  }

  /**
   * The kept rows to give their line now: those of changed records that are on another line,
   * and those read from a line of another hash (the same values from other text, or the job
   * file edited), so that a row's line hash is always its line's.
   */
  List<Move> moved() {
    List<Move> moved = new ArrayList<>();
    for (Rows rows : records.values()) {
      boolean changed = !rows.now.equals(rows.before);
      for (Earlier earlier : rows.earlier) {
        if (earlier.lineNow >= 0 && ((changed && earlier.lineNow != earlier.line)
            || !Objects.equals(earlier.lineHashNow, earlier.lineHash))) {
          moved.add(new Move(earlier.ctid, earlier.lineNow, earlier.lineHashNow));
        }
      }
    }
    return moved;
  }
}
