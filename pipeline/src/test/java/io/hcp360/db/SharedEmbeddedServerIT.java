package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second hcp360 process on the same embedded data folder (a {@code steward} command while
 * {@code serve} runs, say) uses the server the first one started, and leaves it running.
 */
class SharedEmbeddedServerIT {
  @TempDir Path home;

  @Test
  void aSecondProcessUsesTheServerOfTheFirstAndLeavesItRunning() throws Exception {
    Process owner = hcp360("db", "--data-dir", home.toString(), "--port", "0");
    try {
      awaitLine(owner, "hcp360 store up");
      DatabaseSettings settings = new DatabaseSettings(Optional.empty(), Optional.empty(),
          Optional.empty(), home, 0);
      try (Database guest = Database.open(settings)) {
        assertThat(guest.description()).contains("started by another hcp360 process");
        guest.jdbi().useHandle(h -> h.execute("create table shared_probe (x int)"));
      }
      try (Database again = Database.open(settings)) {
        int probes = again.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from pg_tables where tablename = 'shared_probe'")
            .mapTo(Integer.class).one());
        assertThat(probes).isEqualTo(1);
      }
      assertThat(owner.isAlive()).isTrue();
    } finally {
      owner.destroy();
      owner.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private static Process hcp360(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.hcp360.cli.Hcp360");
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void awaitLine(Process process, String start) throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      seen.append(line).append('\n');
      if (line.startsWith(start)) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new AssertionError("the first process ended before its server was up:\n" + seen);
  }
}
