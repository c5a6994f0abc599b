package io.hcp360.evaluate;

import io.hcp360.Hcp360Exception;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A truth file cannot be read or has bad lines; every problem is listed with its line. */
public final class TruthFileException extends Hcp360Exception {
  private static final long serialVersionUID = 1L;

  TruthFileException(Path file, List<String> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + " in the truth file " + file + ":\n"
        + problems.stream().map(p -> "  " + file + ":" + p).collect(Collectors.joining("\n")));
  }

  TruthFileException(Path file, String message, Throwable cause) {
    super("cannot read the truth file " + file + ": " + message, cause);
  }
}
