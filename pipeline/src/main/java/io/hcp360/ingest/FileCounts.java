package io.hcp360.ingest;

/** What happened to the rows of one file: rows read = rows staged + rows rejected. */
public record FileCounts(
    String system, String fileName, String path, long read, long staged, long rejected) {

  public FileCounts {
    if (read != staged + rejected) {
      throw new IllegalArgumentException(
          "counts do not reconcile for " + path + ": " + read + " != " + staged + " + " + rejected);
    }
  }
}
