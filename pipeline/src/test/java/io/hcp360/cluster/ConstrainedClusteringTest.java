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

  @Test
  void aCannotLinkRefusesAnyJoinThatWouldPutItsRecordsTogetherEvenThroughAChain() {
    // 0 ~ 2 cannot-linked; strong links 0-1 and 2-3, then 1-3 would join them through the chain.
    ConstrainedClustering clustering = new ConstrainedClustering(5, List.of());
    clustering.cannotLink(new int[] {0}, new int[] {2});
    assertThat(clustering.link(0, 1)).isTrue();
    assertThat(clustering.link(2, 3)).isTrue();
    assertThat(clustering.link(1, 3)).isFalse();
    assertThat(clustering.conflict()).containsExactlyInAnyOrder(0, 2);
    assertThat(clustering.link(3, 4)).isTrue();
    assertThat(clustering.link(4, 0)).isFalse();
    assertThat(clustering.refusedByCannotLink()).isEqualTo(2);
    assertThat(clustering.refused()).isZero();
    assertThat(clustering.clusters()).containsExactly(0, 0, 2, 2, 2);
  }

  @Test
  void cannotLinksOfMergedClustersCarryOverToTheirRoot() {
    // Several records with constraints end up in one cluster; every one still counts.
    ConstrainedClustering clustering = new ConstrainedClustering(6, List.of());
    clustering.cannotLink(new int[] {0, 1, 2}, new int[] {5, 5, 4});
    assertThat(clustering.link(0, 1)).isTrue();
    assertThat(clustering.link(1, 2)).isTrue();
    assertThat(clustering.link(4, 3)).isTrue();
    assertThat(clustering.link(3, 0)).isFalse();   // 2 ~ 4
    assertThat(clustering.link(5, 2)).isFalse();   // 0 ~ 5, 1 ~ 5
    assertThat(clustering.link(5, 3)).isTrue();
    assertThat(clustering.clusters()).containsExactly(0, 0, 0, 3, 3, 3);
  }

  @Test
  void aMustLinkIsForcedPastTheGuardButNotPastAConstraint() {
    PartyData data = PartyData.of(new String[4],
        Map.of("npi", new String[] {"1234567893", null, "1245319599", null}));
    ConstrainedClustering clustering =
        new ConstrainedClustering(4, List.of(data.column("npi")));
    clustering.cannotLink(new int[] {1}, new int[] {3});
    ConstrainedClustering.LinkageGuard never = (left, right) -> false;
    assertThat(clustering.link(0, 1, never)).isFalse();
    assertThat(clustering.force(0, 1)).isEqualTo(ConstrainedClustering.Outcome.LINKED);
    assertThat(clustering.force(1, 0)).isEqualTo(ConstrainedClustering.Outcome.ALREADY_TOGETHER);
    assertThat(clustering.force(1, 2))
        .isEqualTo(ConstrainedClustering.Outcome.EXCLUSIVE_VALUES);
    assertThat(clustering.force(0, 3)).isEqualTo(ConstrainedClustering.Outcome.CANNOT_LINK);
    assertThat(clustering.conflict()).containsExactly(1, 3);
    assertThat(clustering.clusters()).containsExactly(0, 0, 2, 3);
  }
}
