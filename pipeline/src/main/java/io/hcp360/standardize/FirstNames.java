package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Given names to their canonical form (Bill → william, Hans → johannes, Pepe → jose) from the
 * dictionary {@code first-names.txt}. A variant that belongs to several groups (Chris: Christopher,
 * Christine, Christophe) goes to the group whose gender and country tags fit the record best.
 */
public final class FirstNames {
  private static final FirstNames STANDARD = new FirstNames(DataFile.lines("first-names.txt"));

  /** One line of the dictionary. */
  record Group(String canonical, String gender, Set<String> countries, List<String> variants) {}

  private final List<Group> groups = new ArrayList<>();
  private final Map<String, List<Group>> byVariant = new HashMap<>();
  private final Set<String> canonicals = new HashSet<>();

  FirstNames(List<String> lines) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new Hcp360Exception("first-names.txt: no ':' in \"" + line + "\"");
      }
      String head = line.substring(0, colon).strip();
      String gender = null;
      Set<String> countries = new HashSet<>();
      int bracket = head.indexOf('[');
      if (bracket > 0) {
        for (String tag : head.substring(bracket + 1, head.indexOf(']')).strip().split("\\s+")) {
          if (tag.equals("m") || tag.equals("f")) {
            gender = tag;
          } else {
            countries.add(tag.toUpperCase(Locale.ROOT));
          }
        }
        head = head.substring(0, bracket).strip();
      }
      String canonical = Text.key(head);
      List<String> variants = new ArrayList<>();
      for (String variant : line.substring(colon + 1).split(",")) {
        String key = Text.key(variant);
        if (key != null && !key.equals(canonical)) {
          variants.add(key);
        }
      }
      Group group = new Group(canonical, gender, Set.copyOf(countries), List.copyOf(variants));
      groups.add(group);
      canonicals.add(canonical);
      for (String variant : variants) {
        byVariant.computeIfAbsent(variant, k -> new ArrayList<>()).add(group);
      }
    }
  }

  public static FirstNames standard() {
    return STANDARD;
  }

  /** Whether a folded word is a given name of the dictionary (canonical or variant). */
  public boolean known(String key) {
    return key != null && (canonicals.contains(key) || byVariant.containsKey(key));
  }

  /** The number of (canonical, variant) pairs. */
  public int pairs() {
    return groups.stream().mapToInt(g -> g.variants().size()).sum();
  }

  /**
   * The standardized given name: lower case ASCII, the canonical form of a nickname or variant;
   * an initial ("J", "J.") stays a lone letter, so that comparisons can tell "initial agrees"
   * (prefix levels) from "no first name"; null when blank.
   *
   * @param gender "male"/"female" (or M/F), or null when unknown
   * @param country ISO alpha-2, or null when unknown
   */
  public String standardize(String firstName, String gender, String country) {
    String key = Text.key(firstName);
    if (key == null) {
      return null;
    }
    key = key.replace('-', ' ');
    if (key.length() == 1) {
      return key;
    }
    String g = gender(gender);
    String whole = canonical(key, g, country);
    if (!whole.equals(key) || key.indexOf(' ') < 0) {
      return whole;
    }
    StringBuilder out = new StringBuilder(key.length() + 8);
    for (String part : key.split(" ")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(canonical(part, g, country));
    }
    return out.toString();
  }

  /** The canonical form of a folded name; the name itself when it is canonical or unknown. */
  String canonical(String key, String gender, String country) {
    List<Group> candidates = byVariant.get(key);
    if (candidates == null || canonicals.contains(key)) {
      return key;
    }
    Group best = null;
    int bestScore = Integer.MIN_VALUE;
    for (Group group : candidates) {
      int score = 0;
      if (group.gender() != null && gender != null) {
        if (!group.gender().equals(gender)) {
          continue;
        }
        score += 1;
      }
      if (!group.countries().isEmpty() && country != null) {
        if (!group.countries().contains(country)) {
          continue;
        }
        score += 2;
      }
      if (score > bestScore) {
        best = group;
        bestScore = score;
      }
    }
    return best == null ? key : best.canonical();
  }

  private static String gender(String gender) {
    if (gender == null || gender.isBlank()) {
      return null;
    }
    char c = Character.toLowerCase(gender.strip().charAt(0));
    return c == 'm' ? "m" : c == 'f' || c == 'w' ? "f" : null;
  }
}
