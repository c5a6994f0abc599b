package io.hcp360.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source records whose staged rows one file changes when it is read again: a record is
 * changed when the hashes of its party rows, in file order, differ between the file's earlier
 * copy and the file now (a row added, removed or edited, or the record's rows reordered, which
 * can change the version standardize picks). Rows that only moved to other lines, with the
 * record's other rows, do not change it. A file read for the first time changes all its
 * records.
 */
final class ChangedKeys {
  private final Map<String, String> before = new HashMap<>();
  private final Map<String, String> now = new HashMap<>();

  /** A party row of the file's earlier copy, in line order. */
  void before(String sourceId, String rowHash) {
    before.merge(sourceId, rowHash, String::concat);
  }

  /** A party row the file holds now, in line order. */
  void now(String sourceId, String rowHash) {
    now.merge(sourceId, rowHash, String::concat);
  }

  /** The records whose rows differ, in no particular order. */
  List<String> changed() {
    List<String> changed = new ArrayList<>();
    now.forEach((key, hashes) -> {
      if (!hashes.equals(before.get(key))) {
        changed.add(key);
      }
    });
    before.keySet().forEach(key -> {
      if (!now.containsKey(key)) {
        changed.add(key);
      }
    });
    return changed;
  }
}
