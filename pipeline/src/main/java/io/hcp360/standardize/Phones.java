package io.hcp360.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers to E.164 with libphonenumber, the record's country as the default region. */
public final class Phones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private Phones() {}

  /** E.164 ("+492218741689"), or null when the number is not a valid number. */
  public static String e164(String raw, String country) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String region = country != null && country.length() == 2 ? country : "ZZ";
    try {
      PhoneNumber number = UTIL.parse(raw, region);
      return UTIL.isValidNumber(number)
          ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
