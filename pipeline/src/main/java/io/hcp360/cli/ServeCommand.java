package io.hcp360.cli;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.Database;
import io.hcp360.steward.StewardService;
import io.hcp360.web.Passwords;
import io.hcp360.web.ReviewWebServer;
import io.hcp360.web.User;
import io.hcp360.web.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Start the steward review web page on localhost until Ctrl-C: the merge queue, each pair"
            + " side by side with the reasons for its score, approve / reject / skip, golden"
            + " records with lineage and unmerge, the audit trail.",
        "Stewards and read-only viewers sign in with the users file; --hash-password makes the"
            + " BCrypt hash it stores."})
final class ServeCommand implements Callable<Integer> {
  @Mixin RulesOptions rules;
  @Mixin DatabaseOptions database;

  @Option(names = "--port", defaultValue = "8360",
      description = "Port on localhost (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--users", paramLabel = "FILE",
      description = "Users file (default: " + UsersFile.DEFAULT_NAME + " beside the job file,"
          + " jobs/" + UsersFile.DEFAULT_NAME + ").")
  Path users;

  @Option(names = "--hash-password",
      description = "Read a password from the standard input (or the terminal), print its BCrypt"
          + " hash for the users file, and stop.")
  boolean hashPassword;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (hashPassword) {
      out.println(Passwords.hash(String.valueOf(readPassword())));
      out.flush();
      return 0;
    }
    Path usersFile = users != null ? users
        : rules.job.resolve().toAbsolutePath().resolveSibling(UsersFile.DEFAULT_NAME);
    List<User> signIns = UsersFile.load(usersFile);
    try (Database db = Database.open(database.settings(0));
        ReviewWebServer server = ReviewWebServer.start(
            new StewardService(db.jdbi(), rules.load()), signIns, port)) {
      out.println("hcp360 review page: " + server.uri() + " (" + db.description() + ")");
      out.println("  users: " + usersFile + ": " + signIns);
      out.println("Ctrl-C to stop.");
      out.flush();
      new CountDownLatch(1).await();
      return 0;
    }
  }

  /** The password typed at the terminal (not shown), or the first line of the standard input. */
  private static char[] readPassword() {
    Console console = System.console();
    char[] password;
    if (console != null) {
      password = console.readPassword("Password: ");
    } else {
      try {
        String line = new BufferedReader(
            new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        password = line == null ? null : line.toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (password == null || password.length == 0) {
      throw new Hcp360Exception("no password given; nothing hashed");
    }
    return password;
  }
}
