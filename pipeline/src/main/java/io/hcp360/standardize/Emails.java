package io.hcp360.standardize;

import java.util.Set;

/** The local part of an email address, the part that names the person. */
public final class Emails {
  /** Domains that ignore dots in the local part and deliver "name+tag" to "name". */
  private static final Set<String> DOTLESS = Set.of("gmail.com", "googlemail.com");

  private Emails() {}

  /**
   * The local part of a normalized (trimmed, lower case) email; for Gmail addresses without
   * dots and +tag, since Gmail delivers those to the same mailbox. Other providers treat dots
   * and tags in their own ways, so their local part stays as written.
   */
  public static String local(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return null;
    }
    String local = email.substring(0, at);
    if (DOTLESS.contains(email.substring(at + 1))) {
      int plus = local.indexOf('+');
      local = (plus >= 0 ? local.substring(0, plus) : local).replace(".", "");
    }
    return local.isEmpty() ? null : local;
  }
}
