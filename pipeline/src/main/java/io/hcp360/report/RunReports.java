package io.hcp360.report;

import io.hcp360.Hcp360Exception;
import io.hcp360.match.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's report into the run's folder, {@code HOME/runs/RUN_ID/} ({@code HOME} is the
 * working folder, {@code .hcp360} by default): {@code report.html} (tables and inline SVG
 * charts) and {@code report.json} (the same figures), and keeps the figures in
 * {@code hcp.run_report} for {@code ./hcp360 report}.
 */
public final class RunReports {
  private static final Logger LOG = LoggerFactory.getLogger(RunReports.class);

  private final Path home;
  /** The figures of the steps before publish, gathered while it ran (or null). */
  private final AtomicReference<ReportGatherer.Early> early = new AtomicReference<>();

  /**
   * @param home the working folder; run folders are made under {@code home/runs}
   */
  public RunReports(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /** The working folder. */
  public Path home() {
    return home;
  }

  /** The folder of a run. */
  public Path folder(long runId) {
    return home.resolve("runs").resolve(Long.toString(runId));
  }

  /**
   * Gathers the report's figures of the steps before publish, beside publish (which leaves them
   * as they are): {@link #write} then adds the others.
   */
  void gatherEarly(Jdbi jdbi, long runId, RuleSet rules) {
    Set<String> done = jdbi.withExtension(ReportDao.class, dao -> dao.steps(runId)).stream()
        .filter(s -> "COMPLETED".equals(s.status())).map(RunReport.StepTime::step)
        .collect(Collectors.toSet());
    early.set(ReportGatherer.early(jdbi, runId, rules, done, true));
  }

  /**
   * Gathers and writes the report of a run.
   *
   * @param status the run's status as it ends
   * @param failures why it failed or did not publish (empty when it completed)
   * @return the HTML report
   */
  public Path write(Jdbi jdbi, long runId, RuleSet rules, String status, List<String> failures) {
    RunReport report = ReportGatherer.gather(jdbi, runId, rules, status, failures,
        Optional.ofNullable(early.get()));
    String json = ReportJson.write(report);
    Path folder = folder(runId);
    Path html = folder.resolve("report.html");
    try {
      Files.createDirectories(folder);
      replace(folder.resolve("report.json"), json);
      replace(html, ReportHtml.render(report));
    } catch (IOException e) {
      throw new Hcp360Exception("could not write the run report in " + folder + ": "
          + e.getMessage(), e);
    }
    jdbi.useExtension(ReportDao.class, dao -> dao.save(runId, status, folder.toString(), json));
    LOG.info("  report: {}", html);
    return html;
  }

  /** A report as stored, and the folder its files were written to. */
  public record Stored(RunReport report, Path folder) {
    public Path html() {
      return folder.resolve("report.html");
    }

    public Path json() {
      return folder.resolve("report.json");
    }
  }

  /** The stored report of a run, or of the last run that has one. */
  public static Optional<Stored> find(Jdbi jdbi, Optional<Long> runId) {
    return jdbi.withExtension(ReportDao.class, dao -> dao.stored(runId.orElse(null)))
        .map(s -> new Stored(ReportJson.read(s.report()), Path.of(s.folder())));
  }

  /** Written beside and moved in place: a reader never sees half a report. */
  private static void replace(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
