package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.publish.SyncFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sync-files", mixinStandardHelpOptions = true,
    description = "Write one CSV per source system from the last publish: each record's golden"
        + " ID, the record that survived, and the golden values to correct.")
final class SyncFilesCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter writer = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(0))) {
      Map<String, Integer> counts = SyncFiles.write(db.jdbi(), out);
      if (counts.isEmpty()) {
        writer.println("nothing published yet: run a job first (./hcp360 run)");
        return 1;
      }
      counts.forEach((system, rows) -> writer.printf("  %-40s %,10d records%n",
          out.resolve(system + ".csv"), rows));
      return 0;
    }
  }
}
