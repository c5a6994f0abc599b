package io.hcp360.steward;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which queue items to list, and how. Null fields do not filter.
 *
 * @param market an ISO country code: items with a record of that country
 * @param sourcePair two systems, in either order: {@code crm-events}
 * @param minScore lowest match weight, inclusive
 * @param maxScore highest match weight, inclusive
 * @param statuses the statuses to list; empty means {@link ItemStatus#PENDING}
 * @param limit at most this many items
 */
public record QueueFilter(String market, String sourcePair, Double minScore, Double maxScore,
    Set<ItemStatus> statuses, QueueOrder order, int limit) {

  public static final int DEFAULT_LIMIT = 1000;

  public QueueFilter {
    market = market == null || market.isBlank() ? null : market.trim().toUpperCase(Locale.ROOT);
    sourcePair = sourcePair == null || sourcePair.isBlank() ? null : normalize(sourcePair);
    statuses = statuses == null || statuses.isEmpty() ? ItemStatus.PENDING : Set.copyOf(statuses);
    order = order == null ? QueueOrder.USEFUL : order;
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    if (minScore != null && maxScore != null && minScore > maxScore) {
      throw new IllegalArgumentException("minScore " + minScore + " is above maxScore " + maxScore);
    }
  }

  /** The pending items (re-review and open), most useful first. */
  public static QueueFilter pending() {
    return new QueueFilter(null, null, null, null, Set.of(), QueueOrder.USEFUL, DEFAULT_LIMIT);
  }

  public QueueFilter withMarket(String newMarket) {
    return new QueueFilter(newMarket, sourcePair, minScore, maxScore, statuses, order, limit);
  }

  public QueueFilter withSourcePair(String newSourcePair) {
    return new QueueFilter(market, newSourcePair, minScore, maxScore, statuses, order, limit);
  }

  public QueueFilter withScores(Double min, Double max) {
    return new QueueFilter(market, sourcePair, min, max, statuses, order, limit);
  }

  public QueueFilter withStatuses(Set<ItemStatus> newStatuses) {
    return new QueueFilter(market, sourcePair, minScore, maxScore, newStatuses, order, limit);
  }

  public QueueFilter withOrder(QueueOrder newOrder) {
    return new QueueFilter(market, sourcePair, minScore, maxScore, statuses, newOrder, limit);
  }

  public QueueFilter withLimit(int newLimit) {
    return new QueueFilter(market, sourcePair, minScore, maxScore, statuses, order, newLimit);
  }

  /** "events-crm" and "crm-events" are one source pair: "crm-events". */
  static String normalize(String pair) {
    String[] systems = pair.trim().toLowerCase(Locale.ROOT).split("\\s*-\\s*");
    if (systems.length != 2 || systems[0].isEmpty() || systems[1].isEmpty()) {
      throw new IllegalArgumentException("a source pair is two systems: crm-events, not " + pair);
    }
    Arrays.sort(systems);
    return systems[0] + "-" + systems[1];
  }
}
