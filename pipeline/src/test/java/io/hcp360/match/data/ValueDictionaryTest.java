package io.hcp360.match.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueDictionaryTest {

  @Test
  void numbersValuesInTheOrderTheyAreFirstMetAndCountsThem() {
    ValueDictionary dictionary = new ValueDictionary();
    assertThat(dictionary.add("smith", 1)).isEqualTo(0);
    assertThat(dictionary.add("jones", 1)).isEqualTo(1);
    assertThat(dictionary.add(new String("smith"), 1)).isEqualTo(0);
    assertThat(dictionary.add("brown", 3)).isEqualTo(2);
    assertThat(dictionary.add("jones", 2)).isEqualTo(1);

    assertThat(dictionary.values()).containsExactly("smith", "jones", "brown");
    assertThat(dictionary.counts()).containsExactly(2, 3, 3);
  }

  @Test
  void givesTheCodesAndCountsAMapGivesOverManyValuesWithCollidingHashes() {
    // "Aa" and "BB" hash alike in Java, and so does every string made of them: thousands of
    // values sharing a few hashes, mixed with random ones, well past the first capacity.
    Random random = new Random(7);
    List<String> met = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder value = new StringBuilder();
      if (random.nextBoolean()) {
        for (int k = 0; k < 6; k++) {
          value.append(random.nextBoolean() ? "Aa" : "BB");
        }
      } else {
        value.append(random.nextInt(60_000));
      }
      met.add(value.toString());
    }
    ValueDictionary dictionary = new ValueDictionary();
    Map<String, Integer> codes = new HashMap<>();
    List<Integer> counts = new ArrayList<>();
    for (String value : met) {
      Integer expected = codes.computeIfAbsent(value, v -> {
        counts.add(0);
        return codes.size();
      });
      counts.set(expected, counts.get(expected) + 1);
      assertThat(dictionary.add(value, 1)).isEqualTo(expected);
    }
    assertThat(dictionary.size()).isEqualTo(codes.size());
    assertThat(dictionary.counts())
        .containsExactly(counts.stream().mapToInt(Integer::intValue).toArray());
    codes.forEach((value, code) -> assertThat(dictionary.value(code)).isEqualTo(value));
  }
}
