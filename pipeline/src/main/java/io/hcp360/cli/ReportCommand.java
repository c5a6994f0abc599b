package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.report.RunReports;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Print the summary of the last run's report (or of --run ID) and where its"
        + " HTML and JSON files are.")
final class ReportCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;

  @Option(names = "--run", description = "Run id (default: the last run with a report).")
  Long run;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(0))) {
      Optional<RunReports.Stored> stored = RunReports.find(db.jdbi(), Optional.ofNullable(run));
      if (stored.isEmpty()) {
        out.println(run == null ? "no run report yet: run a job first (./hcp360 run)"
            : "run " + run + " has no report");
        return run == null ? 0 : 1;
      }
      new ReportSummary(stored.get().report()).print(out);
      out.printf("%n  report: %s%n  json:   %s%n", stored.get().html(), stored.get().json());
      out.flush();
      return 0;
    }
  }
}
