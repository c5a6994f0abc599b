package io.hcp360.consent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The consent rules of one market (ISO 3166 alpha-2 country code).
 *
 * @param channels the channels that exist in the market, in order
 * @param purposes the purposes that exist in the market, in order
 * @param expiryMonths months after which an opt-in no longer counts, per channel
 * @param defaultExpiryMonths the same for channels not in {@code expiryMonths}; empty: no expiry
 */
public record MarketRules(String market, Regime regime, List<String> channels,
    List<String> purposes, Map<String, Integer> expiryMonths, OptionalInt defaultExpiryMonths) {

  /** Every channel a consent fact may name, in the order eligibility lists them. */
  public static final List<String> CHANNELS =
      List.of("email", "phone", "visit", "remote_meeting", "mail", "sms");
  /** Every purpose a consent fact may name. */
  public static final List<String> PURPOSES = List.of("promotional", "medical", "events");

  public MarketRules {
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(regime, "regime");
    channels = List.copyOf(channels);
    purposes = List.copyOf(purposes);
    expiryMonths = Map.copyOf(expiryMonths);
    Objects.requireNonNull(defaultExpiryMonths, "defaultExpiryMonths");
    if (!CHANNELS.containsAll(channels) || !PURPOSES.containsAll(purposes)) {
      throw new IllegalArgumentException("unknown channel or purpose in " + market);
    }
  }

  /** The opt-in expiry of a channel in months, if any. */
  public OptionalInt expiryMonths(String channel) {
    Integer months = expiryMonths.get(channel);
    return months != null ? OptionalInt.of(months) : defaultExpiryMonths;
  }
}
