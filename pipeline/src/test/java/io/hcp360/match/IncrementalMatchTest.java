package io.hcp360.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.blocking.PairList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncrementalMatchTest {

  @Test
  void theRegionHoldsTheTouchedRecordsAndWhatTheirLinksReach() {
    // 0-1-2 and 3-4 linked before; 5 alone. Record 1 changed; a fresh link 4-5.
    long[] last = {PairList.pack(0, 1), PairList.pack(1, 2), PairList.pack(3, 4)};
    BitSet touched = new BitSet();
    touched.set(1);
    IncrementalMatch.Region region = IncrementalMatch.region(7, last, touched,
        List.of(scored(4, 5)));

    // 1's old links go (0 and 2 are decided again, apart now); 4-5 pulls in 3.
    assertThat(region.records()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(links(region)).containsExactly(PairList.pack(3, 4), PairList.pack(4, 5));
  }

  /**
   * What the match step's delete of the region's stored links relies on: it finds them by their
   * left end only.
   */
  @Test
  void everyEarlierLinkHasBothEndsInTheRegionOrNeither() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int size = 50 + random.nextInt(200);
      long[] last = new long[random.nextInt(size)];
      for (int i = 0; i < last.length; i++) {
        last[i] = PairList.pack(random.nextInt(size), random.nextInt(size));
      }
      BitSet touched = new BitSet();
      for (int i = random.nextInt(5); i > 0; i--) {
        touched.set(random.nextInt(size));
      }
      List<Matcher.Scored> fresh = new ArrayList<>();
      for (int i = random.nextInt(5); i > 0; i--) {
        fresh.add(scored(random.nextInt(size), random.nextInt(size)));
      }

      IncrementalMatch.Region region = IncrementalMatch.region(size, last, touched, fresh);

      BitSet in = new BitSet();
      for (int r : region.records()) {
        in.set(r);
      }
      for (long link : last) {
        assertThat(in.get(PairList.left(link))).as("link %s-%s", PairList.left(link),
            PairList.right(link)).isEqualTo(in.get(PairList.right(link)));
      }
      touched.stream().forEach(r -> assertThat(in.get(r)).isTrue());
    }
  }

  private static Matcher.Scored scored(int a, int b) {
    return new Matcher.Scored(Math.min(a, b), Math.max(a, b), 10, PairDecision.MATCH, "score");
  }

  private static List<Long> links(IncrementalMatch.Region region) {
    List<Long> links = new ArrayList<>();
    for (int i = 0; i < region.links().size(); i++) {
      links.add(region.links().get(i));
    }
    return links;
  }
}
