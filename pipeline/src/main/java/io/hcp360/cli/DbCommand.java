package io.hcp360.cli;

import io.hcp360.db.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true,
    description = "Start the embedded PostgreSQL and keep it up for SQL clients and BI tools"
        + " until Ctrl-C.")
final class DbCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;

  @Option(names = "--port", defaultValue = "54320", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(database.settings(port))) {
      out.println("hcp360 store up: " + db.description());
      db.embeddedJdbcUrl().ifPresent(url -> {
        out.println("  JDBC: " + url);
        out.println("  psql: psql -h localhost -p " + port + " -U postgres postgres");
      });
      out.println("Ctrl-C to stop.");
      out.flush();
      new CountDownLatch(1).await();
      return 0;
    }
  }
}
