package io.hcp360.samples;

import java.util.random.RandomGenerator;

/** Makes addresses and phone numbers in each market's national format. */
final class Places {
  private static final String GB_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  private final Pools pools;

  Places(Pools pools) {
    this.pools = pools;
  }

  Address address(Market m, RandomGenerator rng) {
    return address(pools.city(m, rng), rng);
  }

  /** An address in {@code city}. */
  Address address(Pools.City city, RandomGenerator rng) {
    Market m = city.market();
    String line1 = pools.street(m, rng).replace("{n}", Integer.toString(1 + rng.nextInt(m == Market.US ? 9900 : 180)));
    String line2 = rng.nextInt(10) < 3 ? line2(m, rng) : "";
    return new Address(line1, line2, city, postalCode(city, rng));
  }

  private static String line2(Market m, RandomGenerator rng) {
    int n = 1 + rng.nextInt(9);
    return switch (m) {
      case US -> rng.nextBoolean() ? "Suite " + n * 100 : "Bldg " + (char) ('A' + n);
      case DE -> n + ". OG";
      case FR -> "Bâtiment " + (char) ('A' + n);
      case ES -> n + "º " + (rng.nextBoolean() ? "Izq." : "Dcha.");
      case GB -> "Flat " + n;
    };
  }

  private static String postalCode(Pools.City city, RandomGenerator rng) {
    String p = city.postalPrefix();
    return switch (city.market()) {
      case US -> p + two(rng.nextInt(100));
      case DE, ES -> p + three(rng.nextInt(1000));
      case FR -> p + two(rng.nextInt(100)) + "0";
      case GB -> p + " " + rng.nextInt(10) + GB_LETTERS.charAt(rng.nextInt(GB_LETTERS.length()))
          + GB_LETTERS.charAt(rng.nextInt(GB_LETTERS.length()));
    };
  }

  /** A subscriber number to go with the city's area code (digits only). */
  static String subscriber(Market m, String area, RandomGenerator rng) {
    int digits = switch (m) {
      case US, DE -> 7;
      case FR -> 8;
      case ES -> 9 - area.length();
      case GB -> 11 - area.length();
    };
    StringBuilder sb = new StringBuilder();
    sb.append(1 + rng.nextInt(9));
    for (int i = 1; i < digits; i++) {
      sb.append(rng.nextInt(10));
    }
    return sb.toString();
  }

  /**
   * The phone number as a system writes it: style 0 is the national format ("(212) 555-0142",
   * "030 1234567", "01 23 45 67 89"), 1 an international one, 2 bare digits.
   */
  static String phone(Market m, String area, String number, int style) {
    String natArea = area.startsWith("0") ? area.substring(1) : area;
    return switch (style) {
      case 1 -> switch (m) {
        case US -> "+1 " + area + "-" + number.substring(0, 3) + "-" + number.substring(3);
        case DE -> "+49 " + natArea + " " + number;
        case FR -> "+33 " + natArea + " " + pairs(number);
        case ES -> "+34 " + area + number;
        case GB -> "+44 " + natArea + " " + number;
      };
      case 2 -> area + number;
      default -> switch (m) {
        case US -> "(" + area + ") " + number.substring(0, 3) + "-" + number.substring(3);
        case DE -> area + " " + number;
        case FR -> area + " " + pairs(number);
        case ES -> {
          String all = area + number;
          yield all.substring(0, 3) + " " + all.substring(3, 6) + " " + all.substring(6);
        }
        case GB -> area + " " + number.substring(0, number.length() - 4) + " " + number.substring(number.length() - 4);
      };
    };
  }

  private static String pairs(String digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 2) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(digits, i, Math.min(i + 2, digits.length()));
    }
    return sb.toString();
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static String three(int n) {
    return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
  }
}
