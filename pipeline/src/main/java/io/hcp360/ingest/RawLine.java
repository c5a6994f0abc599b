package io.hcp360.ingest;

/** One physical line of a file, as bytes without its line ending. */
record RawLine(int number, byte[] bytes) {}
