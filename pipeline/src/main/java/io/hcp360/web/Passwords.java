package io.hcp360.web;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The one password encoder of the review page: BCrypt, as the users file stores it. */
public final class Passwords {
  private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder();

  private Passwords() {}

  static PasswordEncoder encoder() {
    return ENCODER;
  }

  /** The BCrypt hash of a password, for the users file. */
  public static String hash(CharSequence password) {
    if (password.isEmpty()) {
      throw new IllegalArgumentException("the password is empty");
    }
    return ENCODER.encode(password);
  }
}
