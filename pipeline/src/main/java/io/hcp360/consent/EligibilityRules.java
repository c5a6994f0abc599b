package io.hcp360.consent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides whether one HCP may be contacted on one channel for one purpose in a market.
 *
 * <ul>
 *   <li>The statements weighed are those about the channel and either the purpose or no purpose
 *       at all (a statement without purpose is about the channel for every purpose).
 *   <li>The latest statement wins; at the same time an opt-out beats an opt-in; a statement
 *       without a time is older than any with one.
 *   <li>An opt-in expires at its own {@code expires_at} or when it is older than the market's
 *       {@code expiry_months} for the channel, whichever comes first; under a market expiry an
 *       undated opt-in counts as expired. An opt-out never expires.
 *   <li>Opt-in market: eligible only when the latest statement is an unexpired opt-in. Opt-out
 *       market: eligible unless the latest statement is an opt-out.
 * </ul>
 */
public final class EligibilityRules {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /** Latest first; undated last; opt-out before opt-in at the same time; then by record. */
  static final Comparator<ConsentFact> LATEST_FIRST =
      Comparator.comparing(ConsentFact::statedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .reversed()
          .thenComparing(ConsentFact::optIn)
          .thenComparing(ConsentFact::source)
          .thenComparing(ConsentFact::sourceId)
          .thenComparing(ConsentFact::file)
          .thenComparingInt(ConsentFact::line);

  private EligibilityRules() {}

  /**
   * The answer for one channel and purpose.
   *
   * @param facts the HCP's statements (any channel and purpose; the others are ignored)
   * @param asOf the time expiry is measured at
   */
  public static Eligibility decide(MarketRules market, String channel, String purpose,
      List<ConsentFact> facts, Instant asOf) {
    List<ConsentFact> weighed = facts.stream()
        .filter(f -> f.covers(channel, purpose))
        .sorted(LATEST_FIRST)
        .toList();
    boolean optInMarket = market.regime() == Regime.OPT_IN;
    if (weighed.isEmpty()) {
      return optInMarket
          ? new Eligibility(false, "no consent on record in an opt-in market", weighed)
          : new Eligibility(true, "opt-out market, no opt-out", weighed);
    }
    ConsentFact latest = weighed.get(0);
    if (!latest.optIn()) {
      return new Eligibility(false, "opt-out " + by(latest), weighed);
    }
    Optional<String> expired = expired(latest, market.expiryMonths(channel), asOf);
    if (expired.isEmpty()) {
      return new Eligibility(true, "opt-in " + by(latest), weighed);
    }
    return optInMarket
        ? new Eligibility(false, "opt-in " + by(latest) + " " + expired.get(), weighed)
        : new Eligibility(true,
            "opt-out market, no opt-out (opt-in " + by(latest) + " " + expired.get() + ")",
            weighed);
  }

  /** "expired on DAY" when the opt-in no longer counts at {@code asOf}. */
  private static Optional<String> expired(ConsentFact optIn, OptionalInt months, Instant asOf) {
    Instant end = optIn.expiresAt();
    if (months.isPresent()) {
      if (optIn.statedAt() == null) {
        return Optional.of("has no date and opt-ins expire after " + months.getAsInt()
            + " months here");
      }
      Instant byAge = optIn.statedAt().atZone(ZoneOffset.UTC)
          .plusMonths(months.getAsInt()).toInstant();
      end = end == null || byAge.isBefore(end) ? byAge : end;
    }
    return end != null && !end.isAfter(asOf)
        ? Optional.of("expired on " + DAY.format(end))
        : Optional.empty();
  }

  private static String by(ConsentFact fact) {
    return "by " + fact.source() + "/" + fact.sourceId()
        + (fact.statedAt() == null ? " (no date)" : " on " + DAY.format(fact.statedAt()));
  }
}
