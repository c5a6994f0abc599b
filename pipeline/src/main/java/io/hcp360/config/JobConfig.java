package io.hcp360.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated job file: its name, the source files it reads, the matching rule set it uses, the
 * lists it publishes, the quality gates a run must pass to publish, and its schedule.
 *
 * @param schedule when {@code hcp360 schedule} runs the job; none: only when asked
 */
public record JobConfig(Path file, String name, List<SourceFile> sources, Path rules,
    List<HcpList> lists, GateLimits gates, Optional<Schedule> schedule) {

  public JobConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    sources = List.copyOf(sources);
    Objects.requireNonNull(rules, "rules");
    lists = List.copyOf(lists);
    Objects.requireNonNull(gates, "gates");
    Objects.requireNonNull(schedule, "schedule");
  }

  /** A job without quality gates. */
  public JobConfig(Path file, String name, List<SourceFile> sources, Path rules,
      List<HcpList> lists, Optional<Schedule> schedule) {
    this(file, name, sources, rules, lists, GateLimits.NONE, schedule);
  }

  /** A job without quality gates or a schedule. */
  public JobConfig(Path file, String name, List<SourceFile> sources, Path rules,
      List<HcpList> lists) {
    this(file, name, sources, rules, lists, GateLimits.NONE, Optional.empty());
  }

  /** The source systems, in the order the job file lists them. */
  public List<String> systems() {
    return sources.stream().map(SourceFile::system).distinct().toList();
  }
}
