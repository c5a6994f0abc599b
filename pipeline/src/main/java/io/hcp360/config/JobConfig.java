package io.hcp360.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated job file: its name, the source files it reads, the matching rule set it uses, the
 * lists it publishes and the quality gates a run must pass to publish.
 */
public record JobConfig(Path file, String name, List<SourceFile> sources, Path rules,
    List<HcpList> lists, GateLimits gates) {

  public JobConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    sources = List.copyOf(sources);
    Objects.requireNonNull(rules, "rules");
    lists = List.copyOf(lists);
    Objects.requireNonNull(gates, "gates");
  }

  /** A job without quality gates. */
  public JobConfig(Path file, String name, List<SourceFile> sources, Path rules,
      List<HcpList> lists) {
    this(file, name, sources, rules, lists, GateLimits.NONE);
  }

  /** The source systems, in the order the job file lists them. */
  public List<String> systems() {
    return sources.stream().map(SourceFile::system).distinct().toList();
  }
}
