package io.hcp360.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.match.data.PartyData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstrainedClusteringTest {

  @Test
  void aChainThatWouldJoinTwoNpisIsCutAtItsWeakestLink() {
    // 0 (NPI A) - 1 (none) - 2 (none) - 3 (NPI B): links strongest first 0-1, 2-3, then the
    // weak 1-2 that would put A and B together.
    PartyData data = PartyData.of(new String[4],
        Map.of("npi", new String[] {"1234567893", null, null, "1245319599"}));
    ConstrainedClustering clustering =
        new ConstrainedClustering(4, List.of(data.column("npi")));
    assertThat(clustering.link(0, 1)).isTrue();
    assertThat(clustering.link(2, 3)).isTrue();
    assertThat(clustering.link(1, 2)).isFalse();
    assertThat(clustering.refused()).isEqualTo(1);
    assertThat(clustering.clusters()).containsExactly(0, 0, 2, 2);
  }

  @Test
  void recordsWithTheSameOrNoValueJoinFreely() {
    PartyData data = PartyData.of(new String[3],
        Map.of("npi", new String[] {"1234567893", "1234567893", null}));
    ConstrainedClustering clustering =
        new ConstrainedClustering(3, List.of(data.column("npi")));
    assertThat(clustering.link(0, 2)).isTrue();
    assertThat(clustering.link(2, 1)).isTrue();
    assertThat(clustering.clusters()).containsExactly(0, 0, 0);
  }

  @Test
  void withoutConstraintsItIsConnectedComponents() {
    ConstrainedClustering clustering = new ConstrainedClustering(5, List.of());
    clustering.link(3, 4);
    clustering.link(1, 3);
    assertThat(clustering.clusters()).containsExactly(0, 1, 2, 1, 1);
  }
}
