package io.hcp360.samples;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation wrote.
 *
 * <p>Maps are sorted by key.
 *
 * @param partyRecords distinct party records per system (as listed in truth.csv)
 * @param rowsPerFile data rows (header excluded) per file, by path relative to the output folder
 * @param badRowsByKind bad rows per kind of fault
 */
public record GenerationResult(
    long persons,
    Map<String, Long> partyRecords,
    long activities,
    Map<String, Long> rowsPerFile,
    Map<String, Long> badRowsByKind,
    Duration elapsed) {
  public GenerationResult {
    partyRecords = sorted(partyRecords);
    rowsPerFile = sorted(rowsPerFile);
    badRowsByKind = sorted(badRowsByKind);
  }

  private static Map<String, Long> sorted(Map<String, Long> m) {
    return Collections.unmodifiableMap(new TreeMap<>(m));
  }

  public long totalPartyRecords() {
    return partyRecords.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalRows() {
    return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
  }

  public long badRows() {
    return badRowsByKind.values().stream().mapToLong(Long::longValue).sum();
  }
}
