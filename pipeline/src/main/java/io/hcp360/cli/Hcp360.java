package io.hcp360.cli;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hcp360} command line. */
@Command(name = "hcp360", mixinStandardHelpOptions = true,
    version = "hcp360 0.1.0",
    description = "Batch MDM and golden records for pharma HCP data.",
    subcommands = {
        RunCommand.class,
        ValidateCommand.class,
        RejectsCommand.class,
        SqlCommand.class,
        DbCommand.class,
        GenerateCommand.class,
        EvaluateCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Hcp360 implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with hcp360's errors printed as messages rather than stack traces. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Hcp360());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("hcp360: " + (e instanceof Hcp360Exception
          ? e.getMessage() : e.toString()));
      if (!(e instanceof Hcp360Exception)) {
        e.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().flush();
      return e instanceof ConfigException ? 2 : 1;
    });
    return cli;
  }
}
