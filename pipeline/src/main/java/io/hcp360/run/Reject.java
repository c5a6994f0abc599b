package io.hcp360.run;

/** A row that was not staged: where it is, why, and its text. */
public record Reject(String system, String fileName, String path, int line, String reason,
    String raw) {}
