package io.hcp360.match.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BlocksTest {
  private static PartyData data(String[] last, String[] initial) {
    return PartyData.of(new String[last.length], Map.of("last", last, "initial", initial));
  }

  private static List<FieldColumn> columns(PartyData data) {
    return List.of(data.column("last"), data.column("initial"));
  }

  @Test
  void aRuleOnWordsPutsARecordInABlockPerWordAndKeepsRecordOrder() {
    PartyData data = data(
        new String[] {"moreno munoz", "moreno", "munoz  moreno", null, "moreno", "moreno moreno"},
        new String[] {"p", "p", "p", "p", "q", "p"});
    Blocks blocks = Blocks.of(columns(data), true, data.size());
    assertThat(members(blocks, 0)).containsExactlyInAnyOrder(List.of(0, 1, 2, 5), List.of(0, 2));
    assertThat(members(blocks, 3)).isEmpty();
    assertThat(members(blocks, 4)).containsExactly(List.of(4));
    assertThat(blocks.keys(5)).hasSize(1);
    BitSet paired = new BitSet();
    blocks.addMembers(2, 3, paired);
    assertThat(paired.stream().toArray()).containsExactly(0, 2);
  }

  @Test
  void aRuleOnWholeValuesBlocksRecordsSharingEveryValue() {
    PartyData data = data(new String[] {"smith", "smith", "smith", "smith jones", ""},
        new String[] {"a", "b", "a", "a", "a"});
    Blocks blocks = Blocks.of(columns(data), false, data.size());
    assertThat(members(blocks, 0)).containsExactly(List.of(0, 2));
    assertThat(members(blocks, 1)).containsExactly(List.of(1));
    assertThat(members(blocks, 3)).containsExactly(List.of(3));
    assertThat(members(blocks, 4)).containsExactly(List.of(4));  // an empty value is a value
  }

  @Test
  void earlierVersionsFindTheKeysRecordsHaveNowAndOnlyThose() {
    PartyData now = data(new String[] {"lee", "kim", "moreno munoz"},
        new String[] {"a", "a", "a"});
    PartyData before = data(new String[] {"garcia", "munoz kim", "kim", "lee"},
        new String[] {"a", "a", "b", "a"});
    Blocks byWords = Blocks.of(columns(now), true, now.size());
    var keysBefore = byWords.keysIn(columns(before));
    assertThat(keysBefore.apply(0)).isEmpty();
    assertThat(keysBefore.apply(1)).containsExactlyInAnyOrder(byWords.keys(1)[0],
        byWords.keys(2)[1]);
    assertThat(keysBefore.apply(2)).isEmpty();
    assertThat(keysBefore.apply(3)).containsExactly(byWords.keys(0));
    Blocks byValues = Blocks.of(columns(now), false, now.size());
    var valuesBefore = byValues.keysIn(columns(before));
    assertThat(valuesBefore.apply(1)).isEmpty();
    assertThat(valuesBefore.apply(3)).containsExactly(byValues.keys(0));
  }

  /** Blocks are the groups of records sharing a key string, on random data, and from before. */
  @Test
  void blocksAreTheRecordsSharingAKey() {
    String[] pool = {"a", "b", "a b", "b a", "a  b", " c", "c a c", "", "d", null};
    String[] initials = {"x", "y", "x y", null};
    for (int seed = 0; seed < 50; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      PartyData now = random(rng, 20 + rng.nextInt(60), pool, initials);
      PartyData before = random(rng, 30, pool, initials);
      for (boolean byWords : new boolean[] {false, true}) {
        Blocks blocks = Blocks.of(columns(now), byWords, now.size());
        Map<List<String>, List<Integer>> expected = new HashMap<>();
        for (int r = 0; r < now.size(); r++) {
          for (List<String> key : keys(now, r, byWords)) {
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
          }
        }
        BitSet paired = new BitSet();
        blocks.addMembers(2, 3, paired);
        BitSet expectedPaired = new BitSet();
        for (int r = 0; r < now.size(); r++) {
          List<List<Integer>> blocksOfR = new ArrayList<>();
          for (List<String> key : keys(now, r, byWords)) {
            List<Integer> block = expected.get(key);
            blocksOfR.add(block);
            if (block.size() >= 2 && block.size() <= 3) {
              expectedPaired.set(r);
            }
          }
          assertThat(blocks.keys(r)).as("seed %d, record %d", seed, r)
              .hasSize(blocksOfR.size());
          assertThat(members(blocks, r)).as("seed %d, record %d", seed, r)
              .containsExactlyInAnyOrderElementsOf(blocksOfR);
          for (int key : blocks.keys(r)) {
            assertThat(blocks.size(key)).isEqualTo(blocks.members(key).length);
          }
        }
        assertThat(paired).as("seed %d", seed).isEqualTo(expectedPaired);
        var keysBefore = blocks.keysIn(columns(before));
        for (int r = 0; r < before.size(); r++) {
          List<List<Integer>> blocksOfR = new ArrayList<>();
          for (List<String> key : keys(before, r, byWords)) {
            if (expected.containsKey(key)) {
              blocksOfR.add(expected.get(key));
            }
          }
          List<List<Integer>> found = new ArrayList<>();
          for (int key : keysBefore.apply(r)) {
            found.add(Arrays.stream(blocks.members(key)).boxed().toList());
          }
          assertThat(found).as("seed %d, earlier record %d", seed, r)
              .containsExactlyInAnyOrderElementsOf(blocksOfR);
        }
      }
    }
  }

  private static PartyData random(SplittableRandom rng, int size, String[] pool,
      String[] initials) {
    String[] last = new String[size];
    String[] initial = new String[size];
    for (int r = 0; r < size; r++) {
      last[r] = pool[rng.nextInt(pool.length)];
      initial[r] = initials[rng.nextInt(initials.length)];
    }
    return data(last, initial);
  }

  /** A record's keys as the values (or words) they are made of. */
  private static Set<List<String>> keys(PartyData data, int record, boolean byWords) {
    List<List<String>> keys = List.of(List.of());
    for (String field : List.of("last", "initial")) {
      String value = data.column(field).value(record);
      if (value == null) {
        return Set.of();
      }
      List<String> parts = byWords
          ? Arrays.stream(value.split(" ")).filter(w -> !w.isEmpty()).distinct().toList()
          : List.of(value);
      List<List<String>> next = new ArrayList<>();
      for (List<String> key : keys) {
        for (String part : parts) {
          List<String> longer = new ArrayList<>(key);
          longer.add(part);
          next.add(longer);
        }
      }
      keys = next;
    }
    return new HashSet<>(keys);
  }

  /** The members of each block a record is in, in the order the blocks give them. */
  private static List<List<Integer>> members(Blocks blocks, int record) {
    TreeMap<Integer, List<Integer>> byKey = new TreeMap<>();
    for (int key : blocks.keys(record)) {
      int[] members = blocks.members(key);
      int[] sorted = members.clone();
      Arrays.sort(sorted);
      assertThat(members).as("members in record order").isEqualTo(sorted);
      byKey.put(key, Arrays.stream(members).boxed().toList());
    }
    return new ArrayList<>(byKey.values());
  }
}
