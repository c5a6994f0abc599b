package io.hcp360.schedule;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.ConfigException;
import io.hcp360.config.ConfigProblem;
import io.hcp360.config.JobConfig;
import io.hcp360.config.JobConfigLoader;
import io.hcp360.consent.MarketRulesLoader;
import io.hcp360.match.rules.RuleSetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The job files of a folder (its {@code *.yaml}, not its subfolders), all validated at once. */
public final class JobFiles {
  private JobFiles() {}

  /**
   * Loads every job file of the folder with its rule set and market rules.
   *
   * @throws ConfigException listing the problems of every file
   */
  public static List<JobConfig> load(Path folder) {
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new Hcp360Exception("cannot list the job files in " + folder + ": " + e, e);
    }
    List<ConfigProblem> problems = new ArrayList<>();
    List<JobConfig> jobs = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    for (Path file : files) {
      try {
        JobConfig job = JobConfigLoader.load(file);
        RuleSetLoader.load(job.rules());
        MarketRulesLoader.load(MarketRulesLoader.folderOf(job.file()));
        Path other = names.putIfAbsent(job.name(), job.file());
        if (other != null) {
          problems.add(new ConfigProblem(job.file(), 1, "job name '" + job.name()
              + "' is also the name of " + other + "; a job's name must be unique"));
        }
        jobs.add(job);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return jobs;
  }
}
