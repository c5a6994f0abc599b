package io.hcp360.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Keeps golden IDs stable across runs, and says what happened to each:
 * <ul>
 *   <li>each earlier golden ID goes to the cluster holding most of its records (ties: the larger
 *       cluster, then the smaller cluster id); on a split, the largest part keeps it;
 *   <li>a cluster keeps at most one earlier ID (the one with most records in it); the others in
 *       it are retired, <b>merged</b> into it, and point to it;
 *   <li>a cluster left without an earlier ID gets a new one: <b>split</b> from the earlier ID
 *       most of its records had, or <b>created</b> when its records are all new.
 * </ul>
 */
final class GoldenIds {
  private GoldenIds() {}

  /** An event of a golden ID's history. */
  record Event(String goldenId, String event, String related, int records) {}

  /** Every cluster's golden ID, the events, and the retired IDs' survivors. */
  record Assignment(Map<Integer, String> ids, List<Event> events, Map<String, String> redirects) {}

  static Assignment assign(List<GoldenDao.Claim> claims, List<GoldenDao.ClusterSize> clusters,
      IntFunction<List<String>> newIds) {
    Map<Integer, String> kept = carryOver(claims);
    List<GoldenDao.ClusterSize> fresh = clusters.stream()
        .filter(c -> !kept.containsKey(c.clusterId())).toList();
    Map<Integer, String> ids = new LinkedHashMap<>(kept);
    Iterator<String> newOnes = newIds.apply(fresh.size()).iterator();
    for (GoldenDao.ClusterSize cluster : fresh) {
      ids.put(cluster.clusterId(), newOnes.next());
    }
    Map<Integer, List<GoldenDao.Claim>> byCluster = new HashMap<>();
    Map<String, GoldenDao.Claim> mainClaim = new HashMap<>();
    for (GoldenDao.Claim claim : ordered(claims)) {
      byCluster.computeIfAbsent(claim.clusterId(), k -> new ArrayList<>()).add(claim);
      mainClaim.putIfAbsent(claim.goldenId(), claim);
    }
    List<Event> events = new ArrayList<>();
    for (GoldenDao.ClusterSize cluster : fresh) {
      List<GoldenDao.Claim> earlier = byCluster.getOrDefault(cluster.clusterId(), List.of());
      String id = ids.get(cluster.clusterId());
      events.add(earlier.isEmpty()
          ? new Event(id, "created", null, cluster.size())
          : new Event(id, "split", earlier.get(0).goldenId(), cluster.size()));
    }
    Set<String> keptIds = new HashSet<>(kept.values());
    Map<String, String> redirects = new LinkedHashMap<>();
    for (GoldenDao.Claim claim : mainClaim.values()) {
      if (!keptIds.contains(claim.goldenId())) {
        String survivor = ids.get(claim.clusterId());
        redirects.put(claim.goldenId(), survivor);
        events.add(new Event(claim.goldenId(), "merged", survivor, claim.votes()));
      }
    }
    events.sort(Comparator.comparing(Event::goldenId));
    return new Assignment(ids, events, redirects);
  }

  /** The earlier golden ID each cluster keeps. */
  static Map<Integer, String> carryOver(List<GoldenDao.Claim> claims) {
    Map<Integer, String> kept = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (GoldenDao.Claim claim : ordered(claims)) {
      if (!kept.containsKey(claim.clusterId()) && !used.contains(claim.goldenId())) {
        kept.put(claim.clusterId(), claim.goldenId());
        used.add(claim.goldenId());
      }
    }
    return kept;
  }

  private static List<GoldenDao.Claim> ordered(List<GoldenDao.Claim> claims) {
    List<GoldenDao.Claim> ordered = new ArrayList<>(claims);
    ordered.sort(Comparator.comparingInt(GoldenDao.Claim::votes).reversed()
        .thenComparing(Comparator.comparingInt(GoldenDao.Claim::clusterSize).reversed())
        .thenComparingInt(GoldenDao.Claim::clusterId)
        .thenComparing(GoldenDao.Claim::goldenId));
    return ordered;
  }
}
