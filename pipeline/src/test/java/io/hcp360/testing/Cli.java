package io.hcp360.testing;

import io.hcp360.cli.Hcp360;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and keeps what it printed. */
public final class Cli {
  private Cli() {}

  /** What a command printed and its exit code. */
  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Hcp360.commandLine(args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs a job on a database (with more options), failing the test unless it completes. */
  public static Result runJob(java.nio.file.Path job, String url, String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(
        java.util.List.of("run", "--job", job.toString(), "--db-url", url));
    args.addAll(java.util.List.of(more));
    Result r = run(args.toArray(String[]::new));
    org.assertj.core.api.Assertions.assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    return r;
  }
}
