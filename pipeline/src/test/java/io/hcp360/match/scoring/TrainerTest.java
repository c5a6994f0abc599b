package io.hcp360.match.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** EM recovers the m probabilities that generated the data. */
class TrainerTest {

  private static byte draw(SplittableRandom random, double[] p) {
    double x = random.nextDouble();
    for (byte l = 0; l < p.length; l++) {
      x -= p[l];
      if (x < 0) {
        return l;
      }
    }
    return (byte) (p.length - 1);
  }

  @Test
  void expectationMaximisationRecoversKnownMProbabilities() {
    double[][] m = {{0.8, 0.15, 0.05}, {0.9, 0.1}, {0.7, 0.2, 0.1}, {0.6, 0.4}};
    double[][] u = {{0.02, 0.08, 0.9}, {0.01, 0.99}, {0.05, 0.15, 0.8}, {0.1, 0.9}};
    double lambda = 0.3;
    SplittableRandom random = new SplittableRandom(7);
    byte[][] pairs = new byte[100_000][];
    for (int i = 0; i < pairs.length; i++) {
      double[][] dist = random.nextDouble() < lambda ? m : u;
      pairs[i] = new byte[m.length];
      for (int c = 0; c < m.length; c++) {
        pairs[i][c] = draw(random, dist[c]);
      }
    }
    double[][] start = {{0.5, 0.3, 0.2}, {0.5, 0.5}, {0.4, 0.3, 0.3}, {0.5, 0.5}};
    double[][] estimated = Trainer.em(pairs, start, u, new boolean[m.length]);
    for (int c = 0; c < m.length; c++) {
      for (int l = 0; l < m[c].length; l++) {
        assertThat(estimated[c][l]).as("m[%d][%d]", c, l).isCloseTo(m[c][l], within(0.02));
      }
    }
  }

  @Test
  void anExcludedComparisonKeepsItsStartingValues() {
    double[][] u = {{0.1, 0.9}, {0.1, 0.9}};
    byte[][] pairs = new byte[1000][];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = new byte[] {(byte) (i % 2), (byte) (i % 3 == 0 ? 0 : 1)};
    }
    double[][] start = {{0.7, 0.3}, {0.6, 0.4}};
    double[][] estimated = Trainer.em(pairs, start, u, new boolean[] {true, false});
    assertThat(estimated[0]).containsExactly(0.7, 0.3);
    assertThat(estimated[1][0]).isNotEqualTo(0.6);
  }
}
