package io.hcp360.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a signed-in person may do on the review page. */
public enum Role {
  /** Reviews the merge queue: approves, rejects, skips, unmerges. */
  STEWARD,
  /** Reads every page, decides nothing. */
  VIEWER;

  /** The name written in the users file: {@code steward}, {@code viewer}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Role> ofFileName(String text) {
    return Arrays.stream(values()).filter(r -> r.fileName().equals(text)).findFirst();
  }

  static List<String> fileNames() {
    return Arrays.stream(values()).map(Role::fileName).toList();
  }
}
