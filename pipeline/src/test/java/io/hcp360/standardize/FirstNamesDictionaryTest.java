package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nickname dictionary: big enough, and it resolves every nickname the generator writes. */
class FirstNamesDictionaryTest {

  @Test
  void holdsAtLeastFiveHundredPairs() {
    assertThat(FirstNames.standard().pairs()).isGreaterThanOrEqualTo(500);
  }

  @Test
  void everyNicknameTheGeneratorUsesResolvesToItsGivenName() throws IOException {
    // market and gender of each given name the generator draws: "US M James"
    Map<String, List<String[]>> people = new HashMap<>();
    for (String line : samplesFile("first_names.txt")) {
      String[] f = line.split("\\s+");
      people.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new String[] {f[0], f[1]});
    }
    List<String[]> pairs = samplesFile("nicknames.txt").stream().map(l -> l.split("\\s+")).toList();
    assertThat(pairs).hasSizeGreaterThan(50);
    List<String> unresolved = new ArrayList<>();
    for (String[] pair : pairs) {
      List<String[]> contexts = people.getOrDefault(pair[0], List.<String[]>of(new String[] {null, null}));
      for (String[] context : contexts) {
        String country = context[0];
        String gender = context[1];
        String formal = FirstNames.standard().standardize(pair[0], gender, country);
        String nick = FirstNames.standard().standardize(pair[1], gender, country);
        if (!formal.equals(nick) || formal.equals(Text.key(pair[1]))) {
          unresolved.add(pair[0] + "/" + pair[1] + " in " + country + " " + gender + ": "
              + formal + " vs " + nick);
        }
      }
    }
    assertThat(unresolved).isEmpty();
  }

  @Test
  void aNameThatIsCanonicalStaysItself() {
    assertThat(FirstNames.standard().standardize("Johannes", "male", "DE")).isEqualTo("johannes");
    assertThat(FirstNames.standard().standardize("Judith", "female", "DE")).isEqualTo("judith");
  }

  private static List<String> samplesFile(String name) throws IOException {
    try (InputStream in = FirstNamesDictionaryTest.class
        .getResourceAsStream("/io/hcp360/samples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
