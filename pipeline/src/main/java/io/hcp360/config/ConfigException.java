package io.hcp360.config;

import io.hcp360.Hcp360Exception;
import java.util.List;
import java.util.stream.Collectors;

/** A configuration file has mistakes; all of them are listed, each with its file and line. */
public final class ConfigException extends Hcp360Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the configuration:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
