package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Street lines to a comparable form: lower case ASCII, one form per street type
 * ({@code street-types.txt}: "Street"/"Str." → "st", "Straße" → "str", "Calle" → "c"), units
 * inside the building removed ({@code unit-designators.txt}: "Apt 4B", "Suite 200").
 */
public final class Addresses {
  private static final Addresses STANDARD =
      new Addresses(DataFile.lines("street-types.txt"), DataFile.lines("unit-designators.txt"));
  private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d+[a-z]?");

  private record Suffix(String market, String suffix, String standard) {}

  private final Map<String, String> types = new HashMap<>();
  private final List<Suffix> suffixes = new ArrayList<>();
  private final Set<String> units = new HashSet<>();

  private Addresses(List<String> typeLines, List<String> unitLines) {
    for (String line : typeLines) {
      String[] f = line.split("\\|", -1);
      if (f.length != 3) {
        throw new Hcp360Exception("street-types.txt: expected market|word|standard in \"" + line + "\"");
      }
      if (f[1].startsWith("-")) {
        suffixes.add(new Suffix(f[0], f[1].substring(1), f[2]));
      } else {
        types.put(f[0] + "|" + f[1], f[2]);
      }
    }
    for (String line : unitLines) {
      String[] f = line.split("\\|", -1);
      if (f.length != 2) {
        throw new Hcp360Exception("unit-designators.txt: expected market|word in \"" + line + "\"");
      }
      units.add(f[0] + "|" + f[1]);
    }
  }

  public static Addresses standard() {
    return STANDARD;
  }

  /** The standardized street line, or null when nothing is left. */
  public String street(String line, String country) {
    List<String> tokens = tokens(line, country);
    return tokens.isEmpty() ? null : String.join(" ", tokens);
  }

  /** The house number of a street line ("12", "12a"), units left out; null when none. */
  public String houseNumber(String line, String country) {
    for (String token : tokens(line, country)) {
      if (HOUSE_NUMBER.matcher(token).matches()) {
        return token;
      }
    }
    return null;
  }

  private List<String> tokens(String line, String country) {
    List<String> out = new ArrayList<>();
    if (line == null) {
      return out;
    }
    String key = Text.key(line.replace("#", " apt "));
    if (key == null) {
      return out;
    }
    String[] words = key.replace('-', ' ').split(" ");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.isEmpty()) {
        continue;
      }
      if (isUnit(word, country)) {
        if (i + 1 < words.length && isUnitNumber(words[i + 1])) {
          i++;
        } else if (!out.isEmpty() && isNumber(out.get(out.size() - 1))) {
          out.remove(out.size() - 1); // "3. OG": the number comes first
        }
        continue;
      }
      out.add(streetType(word, country));
    }
    return out;
  }

  private boolean isUnit(String word, String country) {
    return units.contains("*|" + word) || country != null && units.contains(country + "|" + word);
  }

  private static boolean isUnitNumber(String word) {
    return word.length() <= 2 || Character.isDigit(word.charAt(0));
  }

  private static boolean isNumber(String word) {
    return !word.isEmpty() && Character.isDigit(word.charAt(0));
  }

  private String streetType(String word, String country) {
    String standard = country == null ? null : types.get(country + "|" + word);
    if (standard == null) {
      standard = types.get("*|" + word);
    }
    if (standard != null) {
      return standard;
    }
    for (Suffix suffix : suffixes) {
      if ((suffix.market().equals("*") || suffix.market().equals(country))
          && word.length() > suffix.suffix().length() + 2 && word.endsWith(suffix.suffix())) {
        return word.substring(0, word.length() - suffix.suffix().length()) + suffix.standard();
      }
    }
    return word;
  }
}
