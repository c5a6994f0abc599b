package io.hcp360.samples;

/** A person's name as one source record carries it (parts blank when absent). */
record NameView(String first, String middle, String last, String suffix) {
  /** "First M Last Jr" style, blanks skipped. */
  String firstLast(boolean withMiddle) {
    return join(first, withMiddle ? middle : "", last, suffix);
  }

  static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (!p.isBlank()) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }
}
