package io.hcp360.samples;

import java.io.Closeable;
import java.util.List;

/** Writes one source system's files, one real person at a time. */
interface SystemWriter extends Closeable {
  SourceSystem system();

  /** Writes the person's records (party rows, activities, consents) in this system. */
  void write(Person p);

  /** Activity rows written so far. */
  long activities();

  List<OutFile> files();
}
