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
        ScheduleCommand.class,
        ValidateCommand.class,
        RejectsCommand.class,
        SqlCommand.class,
        DbCommand.class,
        GenerateCommand.class,
        TrainCommand.class,
        BlockingReportCommand.class,
        EvaluateCommand.class,
        SyncFilesCommand.class,
        ReportCommand.class,
        StewardCommand.class,
        ServeCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Hcp360 implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Held so that the setting sticks: java.util.logging keeps loggers weakly. */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    // Lucene tells on every start that the incubating vector API is not enabled; not for stewards.
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
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
