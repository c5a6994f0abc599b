package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.run.Reject;
import io.hcp360.run.RunDao;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rejects", mixinStandardHelpOptions = true,
    description = "List the rows a run rejected: file, line, reason and raw text.")
final class RejectsCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;

  @Option(names = "--run", description = "Run id (default: the last run).")
  Long run;

  @Option(names = "--limit", defaultValue = "100", description = "At most this many (default 100).")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(0))) {
      RunDao dao = db.jdbi().onDemand(RunDao.class);
      Optional<Long> runId = Optional.ofNullable(run).or(dao::lastRunId);
      if (runId.isEmpty()) {
        out.println("no run yet");
        return 0;
      }
      List<Reject> rejects = dao.rejects(runId.get(), limit);
      out.printf("run %d: %d reject%s%s%n", runId.get(), rejects.size(),
          rejects.size() == 1 ? "" : "s", rejects.size() == limit ? " (first " + limit + ")" : "");
      for (Reject r : rejects) {
        out.printf("%s/%s %s:%d: %s%n    %s%n", r.system(), r.fileName(), r.path(), r.line(),
            r.reason(), r.raw().replace("\n", "\\n"));
      }
      return 0;
    }
  }
}
