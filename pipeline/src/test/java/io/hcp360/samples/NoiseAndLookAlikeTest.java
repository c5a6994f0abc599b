package io.hcp360.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finds each kind of noise and each kind of look-alike in a 300-person run, from the files and
 * truth.csv alone: records of one person that differ in the expected way, and records of
 * different persons that look alike.
 */
class NoiseAndLookAlikeTest {
  @TempDir static Path tmp;
  static List<Extract.Party> parties;
  static Map<String, List<Extract.Party>> byPerson;

  @BeforeAll
  static void generate() throws IOException {
    SampleGenerator.generate(GeneratorSettings.of(300, 42, tmp, 0));
    parties = Extract.parties(tmp);
    byPerson = parties.stream().collect(Collectors.groupingBy(Extract.Party::person));
  }

  /** True when two records of one person satisfy the test. */
  private static boolean samePerson(BiPredicate<Extract.Party, Extract.Party> test) {
    for (List<Extract.Party> records : byPerson.values()) {
      for (Extract.Party a : records) {
        for (Extract.Party b : records) {
          if (a != b && test.test(a, b)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** True when records of two different persons satisfy the test. */
  private static boolean differentPersons(BiPredicate<Extract.Party, Extract.Party> test) {
    for (Extract.Party a : parties) {
      for (Extract.Party b : parties) {
        if (!a.person().equals(b.person()) && test.test(a, b)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void typos() {
    // one edit apart however accents are folded, so Müller / Muller is not taken for a typo
    assertThat(samePerson((a, b) -> a.last().length() > 3 && oneEdit(a.last(), b.last())
        && oneEdit(plain(a.rawLast()), plain(b.rawLast())))).isTrue();
    assertThat(samePerson((a, b) -> a.first().length() > 3 && oneEdit(a.first(), b.first())
        && oneEdit(plain(a.rawFirst()), plain(b.rawFirst())))).isTrue();
  }

  @Test
  void nicknames() {
    Map<String, List<String>> nicks = new Pools().allNicknames();
    assertThat(samePerson((a, b) -> nicks.getOrDefault(a.rawFirst(), List.of()).contains(b.rawFirst()))).isTrue();
  }

  @Test
  void accentsAndTheirAsciiForms() {
    // Müller beside Mueller or Muller: the raw names differ, one is ASCII, they agree once folded
    assertThat(samePerson((a, b) -> !a.rawLast().equalsIgnoreCase(b.rawLast())
        && !a.rawLast().chars().allMatch(c -> c < 128) && b.rawLast().chars().allMatch(c -> c < 128)
        && (a.last().equals(b.last()) || a.last().replace("AE", "A").replace("OE", "O").replace("UE", "U")
            .equals(b.last())))).isTrue();
  }

  @Test
  void initials() {
    assertThat(parties).anySatisfy(p -> assertThat(p.first()).matches("[A-Z]\\.?"));
    assertThat(samePerson((a, b) -> a.middle().length() == 1 && b.middle().length() > 1
        && b.middle().startsWith(a.middle()))).isTrue();
  }

  @Test
  void namesInTheWrongOrder() throws IOException {
    Map<String, String> truth = Extract.truth(tmp);
    Map<String, Set<String>> firstNames = byPerson.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().stream().filter(p -> !p.system().equals("samples")).map(Extract.Party::first)
            .collect(Collectors.toSet())));
    boolean reversed = false;
    for (Map<String, String> r : Extract.read(tmp.resolve("samples/requests.tsv"), '\t', false,
        StandardCharsets.UTF_8)) {
      String[] tokens = Extract.norm(r.get("HCP_NAME")).split(" ");
      String person = truth.get("samples/" + r.get("REQUESTER_ID"));
      // "Last First": the name ends with a given name the person has in another system, and
      // starts with something that is not one
      Set<String> given = firstNames.getOrDefault(person, Set.of());
      reversed |= !r.get("HCP_NAME").contains(",") && given.contains(tokens[tokens.length - 1])
          && !given.contains(tokens[0]);
    }
    assertThat(reversed).isTrue();
    assertThat(parties).anySatisfy(p -> assertThat(p.system()).isEqualTo("samples"))
        .filteredOn(p -> p.system().equals("samples")).isNotEmpty();
  }

  @Test
  void hyphenatedAndChangedSurnames() {
    assertThat(samePerson((a, b) -> a.last().contains("-") && List.of(a.last().split("-")).contains(b.last())))
        .isTrue();
    // a married name: two records of one woman whose surnames share nothing
    assertThat(samePerson((a, b) -> !a.last().contains(b.last()) && !b.last().contains(a.last())
        && distance(a.last(), b.last()) > 2 && a.first().equals(b.first()))).isTrue();
  }

  @Test
  void missingAndMistypedNpis() {
    assertThat(samePerson((a, b) -> a.npi().isEmpty() && a.country().equals("US") && NpiTest.luhn(b.npi())))
        .isTrue();
    assertThat(samePerson((a, b) -> !a.npi().isEmpty() && !NpiTest.luhn(a.npi()) && NpiTest.luhn(b.npi())
        && a.npi().substring(0, 9).equals(b.npi().substring(0, 9)))).isTrue();
    assertThat(parties).filteredOn(p -> !p.npi().isEmpty()).allSatisfy(p -> assertThat(p.country()).isEqualTo("US"));
  }

  @Test
  void movedAddresses() {
    assertThat(samePerson((a, b) -> !a.city().isEmpty() && !b.city().isEmpty() && !a.city().equals(b.city())))
        .isTrue();
  }

  @Test
  void oneDoctorEnteredBySeveralBrandTeams() {
    assertThat(samePerson((a, b) -> a.system().equals("crm") && b.system().equals("crm")
        && !a.brand().equals(b.brand()))).isTrue();
  }

  @Test
  void namesakesInOtherCities() {
    assertThat(differentPersons((a, b) -> a.first().equals(b.first()) && a.last().equals(b.last())
        && !a.city().isEmpty() && !b.city().isEmpty() && !a.city().equals(b.city()))).isTrue();
  }

  @Test
  void spousesAtOnePractice() {
    assertThat(differentPersons((a, b) -> a.last().equals(b.last()) && !a.first().equals(b.first())
        && !a.line1().isEmpty() && a.line1().equals(b.line1()) && a.city().equals(b.city()))).isTrue();
  }

  @Test
  void fatherAndSon() {
    assertThat(differentPersons((a, b) -> a.suffix().equals("SR") && b.suffix().equals("JR")
        && a.first().equals(b.first()) && a.last().equals(b.last()) && a.city().equals(b.city()))).isTrue();
  }

  @Test
  void marketsWithNativeNames() {
    Set<String> countries = new HashSet<>();
    parties.forEach(p -> countries.add(p.country()));
    assertThat(countries).contains("US", "DE", "FR", "ES");
    List<String> accented = new ArrayList<>();
    parties.stream().filter(p -> !p.country().equals("US")).forEach(p -> {
      if (!p.rawLast().chars().allMatch(c -> c < 128)) {
        accented.add(p.rawLast());
      }
    });
    assertThat(accented).isNotEmpty();
  }

  /** Upper case without diacritics: "Müller" is "MULLER". */
  static String plain(String s) {
    return java.text.Normalizer.normalize(s.toUpperCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }

  /** Damerau-Levenshtein distance exactly one (swap, drop, double). */
  static boolean oneEdit(String a, String b) {
    return !a.equals(b) && distance(a, b) == 1;
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
