package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registry numbers, typed ("RPPS:10003456789") or plain, to a {@link NationalId}, with the
 * registries of {@code registries.txt}.
 */
public final class NationalIds {
  private static final NationalIds STANDARD = new NationalIds(DataFile.lines("registries.txt"));

  private record Registry(String type, String country, int digits, String check) {}

  private final Map<String, Registry> byAlias = new HashMap<>();
  private final Map<String, Registry> byCountry = new HashMap<>();

  private NationalIds(List<String> lines) {
    for (String line : lines) {
      String[] f = line.split("\\|", -1);
      if (f.length != 5) {
        throw new Hcp360Exception("registries.txt: expected 5 fields in \"" + line + "\"");
      }
      Registry registry = new Registry(f[0].strip(), f[1].strip(), Integer.parseInt(f[2].strip()),
          f[3].strip());
      byAlias.put(registry.type(), registry);
      for (String alias : f[4].split(",")) {
        byAlias.put(alias.strip().toUpperCase(Locale.ROOT), registry);
      }
      byCountry.put(registry.country(), registry);
    }
  }

  public static NationalIds standard() {
    return STANDARD;
  }

  /**
   * The identifier of a typed or plain value; an untyped value is read as the registry of the
   * record's country. Null when there are no digits.
   */
  public NationalId parse(String raw, String country) {
    if (raw == null) {
      return null;
    }
    String value = raw;
    Registry registry = null;
    String typeName = null;
    int colon = raw.indexOf(':');
    if (colon >= 0) {
      typeName = raw.substring(0, colon).strip().toUpperCase(Locale.ROOT);
      value = raw.substring(colon + 1);
      registry = byAlias.get(typeName);
    }
    String digits = Text.digits(value);
    if (digits == null) {
      return null;
    }
    if (registry == null && (typeName == null || typeName.isEmpty()) && country != null) {
      registry = byCountry.get(country);
    }
    if (registry == null) {
      return new NationalId(null, digits, false);
    }
    return new NationalId(registry.type(), digits, valid(registry, value, digits));
  }

  private static boolean valid(Registry registry, String value, String digits) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9') && c != ' ' && c != '-' && c != '.' && c != '/') {
        return false;
      }
    }
    if (digits.length() != registry.digits()) {
      return false;
    }
    return !registry.check().equals("npi") || Npi.isValid(digits);
  }
}
