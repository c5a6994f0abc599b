package io.hcp360.standardize;

import java.util.HashSet;
import java.util.Set;

/** What an email address tells about its owner: the local part, the organisation, the name. */
public final class Emails {
  /** Domains that ignore dots in the local part and deliver "name+tag" to "name". */
  private static final Set<String> DOTLESS = Set.of("gmail.com", "googlemail.com");
  private static final Set<String> FREE_MAIL = new HashSet<>(
      DataFile.lines("free-mail-domains.txt"));
  private static final int MIN_GIVEN_NAME = 3;

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

  /**
   * The domain of a normalized email when it is an organisation's (a hospital, a practice, a
   * university), null for a public mail provider ({@code free-mail-domains.txt}, subdomains
   * included) or no domain: two people at one organisation share it, one person's private
   * address says nothing about where they work.
   */
  public static String organisationDomain(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at < 0 || at == email.length() - 1) {
      return null;
    }
    String domain = email.substring(at + 1);
    if (domain.indexOf('.') < 0) {
      return null;
    }
    for (String d = domain; d.indexOf('.') >= 0; d = d.substring(d.indexOf('.') + 1)) {
      if (FREE_MAIL.contains(d)) {
        return null;
      }
    }
    return domain;
  }

  /**
   * The given name an address spells out before the surname ("stephane.mercier@…",
   * "rupertwhite44@…", "n_sanchez@…" gives nothing), for a record that has only an initial:
   * the local part, digits dropped, must be the given name and the standardized surname (spaces
   * removed), optionally joined by a dot, hyphen or underscore; the given name must have at least
   * three letters and start with the record's initial, if it has one. Null otherwise.
   *
   * @param lastNameStd the record's standardized surname ({@link Names#lastName})
   * @param initial the record's first initial, or null when it has no given name
   */
  public static String givenName(String email, String lastNameStd, String initial) {
    if (email == null || lastNameStd == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return null;
    }
    String local = email.substring(0, at).replaceAll("[0-9]+$", "");
    String surname = lastNameStd.replace(" ", "");
    if (surname.isEmpty() || !local.endsWith(surname)) {
      return null;
    }
    String given = local.substring(0, local.length() - surname.length());
    if (!given.isEmpty() && ".-_".indexOf(given.charAt(given.length() - 1)) >= 0) {
      given = given.substring(0, given.length() - 1);
    }
    if (given.length() < MIN_GIVEN_NAME || !given.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return null;
    }
    return initial == null || given.startsWith(initial) ? given : null;
  }
}
