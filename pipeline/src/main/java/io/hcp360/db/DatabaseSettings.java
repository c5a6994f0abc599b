package io.hcp360.db;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the store: a JDBC URL (with user and password) for a PostgreSQL server, or none for
 * an embedded server whose data lives under {@code home}.
 *
 * @param port the embedded server's port; 0 picks a free one
 */
public record DatabaseSettings(
    Optional<String> url, Optional<String> user, Optional<String> password, Path home, int port) {

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(home, "home");
    url = url.filter(u -> !u.isBlank());
    if (url.isPresent() && !url.get().startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the database URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got "
              + url.get());
    }
  }

  /** An embedded server with its data under {@code home}. */
  public static DatabaseSettings embedded(Path home) {
    return new DatabaseSettings(Optional.empty(), Optional.empty(), Optional.empty(), home, 0);
  }
}
