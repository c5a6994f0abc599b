package io.hcp360.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated job file: its name, the source files it reads, and the matching rule set it uses.
 */
public record JobConfig(Path file, String name, List<SourceFile> sources, Path rules,
    List<HcpList> lists) {

  public JobConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    sources = List.copyOf(sources);
    Objects.requireNonNull(rules, "rules");
    lists = List.copyOf(lists);
  }

  /** The source systems, in the order the job file lists them. */
  public List<String> systems() {
    return sources.stream().map(SourceFile::system).distinct().toList();
  }
}
