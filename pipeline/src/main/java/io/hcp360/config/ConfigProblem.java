package io.hcp360.config;

import java.nio.file.Path;
import java.util.Objects;

/** One mistake in a configuration file, where it is, and how to fix it when that is obvious. */
public record ConfigProblem(Path file, int line, String message) {

  public ConfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
