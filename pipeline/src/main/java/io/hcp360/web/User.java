package io.hcp360.web;

import java.util.Objects;
import java.util.regex.Pattern;

/** A person who may sign in: name (the {@code who} of their decisions), role, BCrypt hash. */
public record User(String name, Role role, String passwordHash) {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  public User {
    Objects.requireNonNull(role, "role");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a user name: " + name);
    }
    if (passwordHash == null || !BCRYPT.matcher(passwordHash).matches()) {
      throw new IllegalArgumentException("not a BCrypt hash for " + name);
    }
  }

  @Override
  public String toString() {
    return name + " (" + role.fileName() + ")";
  }
}
