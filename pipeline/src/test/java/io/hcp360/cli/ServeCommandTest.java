package io.hcp360.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void hashesThePasswordReadFromTheStandardInput() {
    Cli.Result result = withInput("Pässword with spaces\n", () -> Cli.run("serve",
        "--hash-password"));
    assertThat(result.exitCode()).as(result.err()).isZero();
    String hash = result.out().strip();
    assertThat(hash).matches("\\$2a\\$10\\$[./A-Za-z0-9]{53}");
    assertThat(new BCryptPasswordEncoder().matches("Pässword with spaces", hash)).isTrue();
  }

  @Test
  void anEmptyPasswordIsNotHashed() {
    Cli.Result result = withInput("", () -> Cli.run("serve", "--hash-password"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("no password given");
  }

  @Test
  void withoutAUsersFileItSaysHowToWriteOneBeforeStartingAnything() {
    Path job = dir.resolve("job.yaml");
    Cli.Result result = Cli.run("serve", "--job", job.toString(), "--db-url",
        "jdbc:postgresql://127.0.0.1:1/none");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(dir.resolve("stewards.yaml").toString())
        .contains("there is no users file");
  }

  private static Cli.Result withInput(String input, java.util.function.Supplier<Cli.Result> run) {
    InputStream in = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(in);
    }
  }
}
