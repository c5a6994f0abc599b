package io.hcp360.samples;

/**
 * Salesforce-style record ids: a 3-character key prefix ("001" for accounts), a 6-character
 * instance part, a 6-character base-62 sequence, and the 3-character case-safe suffix that makes
 * the 18-character form.
 */
final class SalesforceId {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceId() {}

  static String of(String prefix, String instance, long sequence) {
    StringBuilder sb = new StringBuilder(18).append(prefix).append(instance);
    char[] seq = new char[6];
    long n = sequence;
    for (int i = 5; i >= 0; i--) {
      seq[i] = BASE62.charAt((int) (n % 62));
      n /= 62;
    }
    sb.append(seq);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = sb.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      sb.append(SUFFIX.charAt(bits));
    }
    return sb.toString();
  }
}
