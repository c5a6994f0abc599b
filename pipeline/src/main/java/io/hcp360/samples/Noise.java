package io.hcp360.samples;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Applies the noise real extracts have to the true values of a person. */
final class Noise {
  private final Pools pools;
  private final RandomGenerator rng;

  Noise(Pools pools, RandomGenerator rng) {
    this.pools = pools;
    this.rng = rng;
  }

  boolean chance(int percent) {
    return rng.nextInt(100) < percent;
  }

  /** The person's name as a system with this profile records it. */
  NameView name(Person p, NoiseProfile np) {
    String first = p.firstName();
    List<String> nicks = pools.nicknames(first);
    if (!nicks.isEmpty() && chance(np.nickname())) {
      first = Pools.pick(nicks, rng);
    } else if (chance(np.initial())) {
      first = first.substring(0, 1) + ".";
    }
    String middle = p.middleName().isEmpty() || !chance(np.middle()) ? "" : p.middleName();
    if (!middle.isEmpty() && chance(np.middleInitial())) {
      middle = middle.substring(0, 1);
    }
    String last = p.lastName();
    if (!p.maidenName().isEmpty()) {
      int r = rng.nextInt(100);
      if (r < np.maiden()) {
        last = p.maidenName();
      } else if (r < np.maiden() + np.hyphen()) {
        last = p.maidenName() + "-" + p.lastName();
      }
    }
    int space = last.indexOf(' ');
    if (p.market() == Market.ES && space > 0 && !last.startsWith("de ") && chance(np.firstSurnameOnly())) {
      last = last.substring(0, space);
    }
    if (chance(np.typo())) {
      if (rng.nextBoolean() && first.length() >= 4) {
        first = typo(first);
      } else {
        last = typo(last);
      }
    }
    if (chance(np.fold())) {
      boolean german = rng.nextBoolean();
      first = fold(first, german);
      middle = fold(middle, german);
      last = fold(last, german);
    }
    return new NameView(first, middle, last, chance(85) ? p.suffix() : "");
  }

  /** The name with one typing mistake: two letters swapped, one dropped or one doubled. */
  String typo(String s) {
    if (s.length() < 3) {
      return s + s.charAt(s.length() - 1);
    }
    int i = 1 + rng.nextInt(s.length() - 2);
    return switch (rng.nextInt(3)) {
      case 0 -> s.charAt(i) == s.charAt(i + 1)
          ? s.substring(0, i + 1) + s.substring(i)
          : s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
      case 1 -> s.substring(0, i) + s.substring(i + 1);
      default -> s.substring(0, i + 1) + s.substring(i);
    };
  }

  /** ASCII form of a name: "Müller" as "Mueller" ({@code german}) or "Muller", "Núñez" as "Nunez". */
  static String fold(String s, boolean german) {
    String t = s;
    if (german) {
      t = t.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
          .replace("Ü", "Ue");
    }
    t = t.replace("ß", "ss");
    return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  /** The NPI as a careless system keeps it: sometimes missing, sometimes with a bad check digit. */
  String npi(Person p, int missingPct, int badPct) {
    if (p.npi().isEmpty() || chance(missingPct)) {
      return "";
    }
    return chance(badPct) ? Npi.withBadCheckDigit(p.npi(), rng.nextInt(9)) : p.npi();
  }

  /** The address a system holds: the old one for a person who moved, in a stale system. */
  Address address(Person p, int stalePct) {
    return p.oldAddress() != null && chance(stalePct) ? p.oldAddress() : p.address();
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
