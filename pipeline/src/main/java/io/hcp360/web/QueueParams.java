package io.hcp360.web;

import io.hcp360.steward.ItemStatus;
import io.hcp360.steward.QueueFilter;
import io.hcp360.steward.QueueOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue's filters as the pages carry them from one request to the next (query parameters,
 * hidden fields), turned into the steward service's filter.
 *
 * @param market a country code, or blank for all
 * @param pair a source pair ({@code crm-mdm}), or blank for all
 * @param min lowest score, or null
 * @param max highest score, or null
 * @param status {@code pending} (the default), one item status, or {@code all}
 */
public record QueueParams(String market, String pair, Double min, Double max, String status) {
  static final String PENDING = "pending";
  static final String ALL = "all";

  public QueueParams {
    market = blankToNull(market);
    pair = blankToNull(pair);
    status = status == null || status.isBlank() ? PENDING : status.trim();
  }

  /** The service's filter; an {@link IllegalArgumentException} says what is wrong. */
  QueueFilter filter() {
    return QueueFilter.pending().withMarket(market).withSourcePair(pair).withScores(min, max)
        .withStatuses(statuses()).withOrder(QueueOrder.USEFUL);
  }

  private Set<ItemStatus> statuses() {
    return switch (status) {
      case PENDING -> ItemStatus.PENDING;
      case ALL -> Set.of(ItemStatus.values());
      default -> Arrays.stream(ItemStatus.values())
          .filter(s -> s.key().equals(status.toLowerCase(Locale.ROOT))).findFirst()
          .map(Set::of).orElseThrow(() -> new IllegalArgumentException("status must be "
              + PENDING + ", " + ALL + " or one of " + Arrays.stream(ItemStatus.values())
                  .map(ItemStatus::key).collect(Collectors.joining(", ")) + ", not " + status));
    };
  }

  /** The filters as a query string ({@code ?market=US&min=1.5}), empty when there are none. */
  public String query() {
    UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
    if (market != null) {
      uri.queryParam("market", market);
    }
    if (pair != null) {
      uri.queryParam("pair", pair);
    }
    if (min != null) {
      uri.queryParam("min", min);
    }
    if (max != null) {
      uri.queryParam("max", max);
    }
    if (!PENDING.equals(status)) {
      uri.queryParam("status", status);
    }
    return uri.encode().build().toUriString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
