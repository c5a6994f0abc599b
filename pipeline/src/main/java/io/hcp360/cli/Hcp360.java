package io.hcp360.cli;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.ConfigException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hcp360} command line. */
@Command(name = "hcp360", mixinStandardHelpOptions = true,
    version = "hcp360 0.1.0",
    description = "Batch MDM and golden records for pharma HCP data.")
public final class Hcp360 implements Runnable {
  /**
   * The subcommands, in the order help lists them. Added by {@link #commandLine(String...)}
   * rather than named in the annotation, so that a command run by name builds its own model
   * only: picocli reads every command's annotations when it is added. Without the
   * ahead-of-time cache, {@code hcp360 run --help} took 0.49-0.54 s so, 0.67-0.71 s with all.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
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
      CommandLine.HelpCommand.class);

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
    System.exit(commandLine(args).execute(args));
  }

  /**
   * The command line to execute these arguments: with only the subcommand they name first, if
   * they name one, otherwise with all (none given, help, or a misspelt name's suggestions).
   * hcp360's errors are printed as messages rather than stack traces.
   */
  public static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Hcp360());
    Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class
            && c.getAnnotation(Command.class).name().equals(args[0]))
        .findFirst().orElse(null);
    for (Class<?> subcommand : named == null ? SUBCOMMANDS : List.of(named)) {
      cli.addSubcommand(subcommand);
    }
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
