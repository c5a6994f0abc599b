package io.hcp360.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

class Hcp360Test {
  private static final List<String> ALL = List.of("run", "schedule", "validate", "rejects",
      "sql", "db", "generate", "train", "blocking-report", "evaluate", "sync-files", "report",
      "steward", "serve", "help");

  @Test
  void aCommandNamedFirstIsTheOnlyOneBuilt() {
    assertThat(Hcp360.commandLine("run", "--full").getSubcommands().keySet())
        .containsExactly("run");
    assertThat(Hcp360.commandLine("steward", "queue").getSubcommands().keySet())
        .containsExactly("steward");
    // its own subcommands come with it
    assertThat(Hcp360.commandLine("steward").getSubcommands().get("steward")
        .getSubcommands()).isNotEmpty();
  }

  @Test
  void helpNoCommandOrAMisspeltOneGetEveryCommand() {
    assertThat(Hcp360.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(ALL);
    assertThat(Hcp360.commandLine("help", "run").getSubcommands().keySet())
        .containsExactlyElementsOf(ALL);
    assertThat(Hcp360.commandLine("--help").getSubcommands().keySet())
        .containsExactlyElementsOf(ALL);
    assertThat(Hcp360.commandLine("rnu").getSubcommands().keySet())
        .containsExactlyElementsOf(ALL);

    Cli.Result help = Cli.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("steward", "blocking-report", "serve");
    Cli.Result misspelt = Cli.run("rnu");
    assertThat(misspelt.exitCode()).isNotZero();
    assertThat(misspelt.err()).contains("Unmatched argument", "rnu");
    Cli.Result runHelp = Cli.run("help", "run");
    assertThat(runHelp.out()).contains("Usage: hcp360 run");
  }
}
