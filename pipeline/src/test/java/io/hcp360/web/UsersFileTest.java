package io.hcp360.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.config.ConfigException;
import io.hcp360.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UsersFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("stewards.yaml"), yaml);
  }

  @Test
  void readsStewardsAndViewersWithTheirHashes() throws IOException {
    String hash = Passwords.hash("s3cret-enough");
    Path file = write("""
        # who may sign in to hcp360 serve
        users:
          - name: ana
            role: steward
            password: "%s"
          - {name: vic.viewer, role: viewer, password: '%s'}
        """.formatted(hash, hash));
    assertThat(UsersFile.load(file)).containsExactly(
        new User("ana", Role.STEWARD, hash), new User("vic.viewer", Role.VIEWER, hash));
  }

  @Test
  void aHashIsBcryptAndChecksOnlyItsOwnPassword() {
    String hash = Passwords.hash("correct horse");
    assertThat(hash).startsWith("$2a$10$").isNotEqualTo(Passwords.hash("correct horse"));
    BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    assertThat(encoder.matches("correct horse", hash)).isTrue();
    assertThat(encoder.matches("correct horse ", hash)).isFalse();
  }

  @Test
  void reportsEveryProblemWithItsLine() throws IOException {
    String hash = Passwords.hash("x");
    Path file = write("""
        users:
          - name: ana
            role: stewart
            password: "%s"
          - name: bob
            role: viewer
            password: plain-text
          - name: ana
            role: viewer
            password: "%s"
          - name: "no spaces please"
            role: viewer
            pasword: "%s"
        """.formatted(hash, hash, hash));
    assertThatThrownBy(() -> UsersFile.load(file)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.problems()).extracting(ConfigProblem::line, ConfigProblem::message)
            .satisfiesExactlyInAnyOrder(
                p -> assertThat(p.toList()).containsExactly(3,
                    "role must be one of [steward, viewer], not 'stewart'; did you mean"
                        + " 'steward'?"),
                p -> assertThat(p.toList().get(0)).isEqualTo(7),
                p -> assertThat(p.toList()).containsExactly(8, "user 'ana' is given twice"),
                p -> assertThat(p.toList().get(0)).isEqualTo(11),
                p -> assertThat(p.toList().get(0)).isEqualTo(13),
                p -> assertThat(p.toList().get(0)).isEqualTo(11)));
    assertThatThrownBy(() -> UsersFile.load(file)).hasMessageContaining(
        "password must be a BCrypt hash").hasMessageContaining("./hcp360 serve --hash-password")
        .hasMessageContaining("unknown key 'pasword'").hasMessageContaining("needs 'password'")
        .hasMessageContaining("not 'no spaces please'");
  }

  @Test
  void aMissingFileSaysHowToWriteOne() {
    assertThatThrownBy(() -> UsersFile.load(dir.resolve("stewards.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("there is no users file")
        .hasMessageContaining("--hash-password");
  }

  @Test
  void aFileWithoutUsersIsAProblem() throws IOException {
    assertThatThrownBy(() -> UsersFile.load(write("users: []\n")))
        .hasMessageContaining("names no user");
    assertThatThrownBy(() -> UsersFile.load(write("stewards: []\n")))
        .hasMessageContaining("unknown key 'stewards'")
        .hasMessageContaining("needs a 'users:' list");
  }
}
