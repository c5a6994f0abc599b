package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Specialty codes and labels of every source to one NUCC taxonomy code ({@code specialties.txt}). */
public final class Specialties {
  private static final Specialties STANDARD = new Specialties(DataFile.lines("specialties.txt"));

  private final Map<String, String> codeByAlias = new HashMap<>();

  Specialties(List<String> lines) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new Hcp360Exception("specialties.txt: no ':' in \"" + line + "\"");
      }
      String code = line.substring(0, colon).strip();
      alias(Text.key(code), code);
      for (String alias : line.substring(colon + 1).split(";")) {
        alias(Text.key(alias), code);
      }
    }
  }

  private void alias(String key, String code) {
    if (key == null) {
      return;
    }
    String earlier = codeByAlias.putIfAbsent(key, code);
    if (earlier != null && !earlier.equals(code)) {
      throw new Hcp360Exception("specialties.txt: \"" + key + "\" is an alias of both " + earlier
          + " and " + code);
    }
  }

  public static Specialties standard() {
    return STANDARD;
  }

  /** The NUCC code of a code or label, or null when it is not known. */
  public String code(String raw) {
    String key = Text.key(raw);
    return key == null ? null : codeByAlias.get(key);
  }

  /** How many aliases are known (for checks). */
  int aliases() {
    return codeByAlias.size();
  }
}
