package io.hcp360.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps golden IDs stable across runs: each earlier golden ID goes to the cluster that holds most
 * of its records (ties: the larger cluster, then the smaller cluster id), each cluster keeps at
 * most one earlier ID (the one with most votes), and clusters left without one get new IDs.
 */
final class GoldenIds {
  private GoldenIds() {}

  /** The earlier golden ID each cluster keeps. */
  static Map<Integer, String> carryOver(List<GoldenDao.Claim> claims) {
    List<GoldenDao.Claim> ordered = new ArrayList<>(claims);
    ordered.sort(Comparator.comparingInt(GoldenDao.Claim::votes).reversed()
        .thenComparing(Comparator.comparingInt(GoldenDao.Claim::clusterSize).reversed())
        .thenComparingInt(GoldenDao.Claim::clusterId)
        .thenComparing(GoldenDao.Claim::goldenId));
    Map<Integer, String> kept = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (GoldenDao.Claim claim : ordered) {
      if (!kept.containsKey(claim.clusterId()) && !used.contains(claim.goldenId())) {
        kept.put(claim.clusterId(), claim.goldenId());
        used.add(claim.goldenId());
      }
    }
    return kept;
  }
}
