package io.hcp360.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {
  private static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");
  private static final MarketRules US = new MarketRules("US", Regime.OPT_OUT,
      MarketRules.CHANNELS, MarketRules.PURPOSES, Map.of(), OptionalInt.empty());
  private static final MarketRules DE = new MarketRules("DE", Regime.OPT_IN,
      MarketRules.CHANNELS, MarketRules.PURPOSES, Map.of("email", 12), OptionalInt.of(24));
  private static final MarketRules GB = new MarketRules("GB", Regime.OPT_IN,
      MarketRules.CHANNELS, MarketRules.PURPOSES, Map.of(), OptionalInt.empty());

  private static ConsentFact fact(String status, String at, String source, String id) {
    return new ConsentFact("email", "promotional", status.equals("opt_in"),
        at == null ? null : Instant.parse(at), null, source, id, "file", 2);
  }

  private static Eligibility email(MarketRules market, ConsentFact... facts) {
    return EligibilityRules.decide(market, "email", "promotional", List.of(facts), AS_OF);
  }

  @Test
  void anOptInMarketNeedsAnOptIn() {
    assertThat(email(GB)).isEqualTo(
        new Eligibility(false, "no consent on record in an opt-in market", List.of()));
    assertThat(email(GB, fact("opt_in", "2025-03-02T10:00:00Z", "email", "SUB1")).reason())
        .isEqualTo("opt-in by email/SUB1 on 2025-03-02");
    assertThat(email(GB, fact("opt_in", "2025-03-02T10:00:00Z", "email", "SUB1")).eligible())
        .isTrue();
  }

  @Test
  void anOptOutMarketIsEligibleUnlessOptedOut() {
    assertThat(email(US)).isEqualTo(new Eligibility(true, "opt-out market, no opt-out", List.of()));
    Eligibility out = email(US, fact("opt_out", "2024-01-05T00:00:00Z", "crm", "A1"));
    assertThat(out.eligible()).isFalse();
    assertThat(out.reason()).isEqualTo("opt-out by crm/A1 on 2024-01-05");
  }

  @Test
  void theLatestStatementWinsAndTheEvidenceListsAllLatestFirst() {
    ConsentFact oldIn = fact("opt_in", "2024-01-01T00:00:00Z", "email", "SUB1");
    ConsentFact out = fact("opt_out", "2025-01-01T00:00:00Z", "events", "ATT1");
    ConsentFact newIn = fact("opt_in", "2025-05-01T00:00:00Z", "email", "SUB2");
    Eligibility answer = email(GB, oldIn, newIn, out);
    assertThat(answer.eligible()).isTrue();
    assertThat(answer.evidence()).containsExactly(newIn, out, oldIn);
    assertThat(email(US, oldIn, out).eligible()).isFalse();
  }

  @Test
  void atTheSameTimeAnOptOutBeatsAnOptIn() {
    ConsentFact in = fact("opt_in", "2025-05-01T09:00:00Z", "email", "SUB1");
    ConsentFact out = fact("opt_out", "2025-05-01T09:00:00Z", "events", "ATT1");
    assertThat(email(GB, in, out).eligible()).isFalse();
    assertThat(email(GB, out, in).reason()).isEqualTo("opt-out by events/ATT1 on 2025-05-01");
    assertThat(email(US, in, out).eligible()).isFalse();
  }

  @Test
  void anUndatedStatementIsOlderThanAnyDatedOne() {
    ConsentFact undatedOut = fact("opt_out", null, "crm", "A1");
    ConsentFact in = fact("opt_in", "2020-01-01T00:00:00Z", "email", "SUB1");
    assertThat(email(GB, undatedOut, in).eligible()).isTrue();
    assertThat(email(US, undatedOut).reason()).isEqualTo("opt-out by crm/A1 (no date)");
  }

  @Test
  void anOptInExpiresAfterTheMarketsMonthsForItsChannel() {
    Eligibility stale = email(DE, fact("opt_in", "2024-05-31T00:00:00Z", "email", "SUB1"));
    assertThat(stale.eligible()).isFalse();
    assertThat(stale.reason())
        .isEqualTo("opt-in by email/SUB1 on 2024-05-31 expired on 2025-05-31");
    assertThat(email(DE, fact("opt_in", "2024-06-02T00:00:00Z", "email", "SUB1")).eligible())
        .isTrue();
    ConsentFact phone = new ConsentFact("phone", null, true,
        Instant.parse("2024-05-31T00:00:00Z"), null, "crm", "A1", "accounts", 3);
    assertThat(EligibilityRules.decide(DE, "phone", "medical", List.of(phone), AS_OF).eligible())
        .as("phone falls back to the market's default of 24 months").isTrue();
    assertThat(email(GB, fact("opt_in", "2015-01-01T00:00:00Z", "email", "SUB1")).eligible())
        .as("no expiry in GB").isTrue();
  }

  @Test
  void anOptInExpiresAtItsOwnExpiryAndAnUndatedOneUnderAMarketExpiry() {
    ConsentFact ownExpiry = new ConsentFact("email", "promotional", true,
        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"), "events",
        "ATT1", "registrations", 4);
    assertThat(email(GB, ownExpiry).reason())
        .isEqualTo("opt-in by events/ATT1 on 2025-01-01 expired on 2025-04-01");
    assertThat(email(DE, fact("opt_in", null, "email", "SUB1")).eligible()).isFalse();
    assertThat(email(US, ownExpiry)).satisfies(e -> {
      assertThat(e.eligible()).isTrue();
      assertThat(e.reason()).startsWith("opt-out market, no opt-out (opt-in by events/ATT1");
    });
  }

  @Test
  void aStatementWithoutPurposeCoversEveryPurposeAndOtherChannelsDoNotCount() {
    ConsentFact general = new ConsentFact("email", null, false,
        Instant.parse("2025-01-01T00:00:00Z"), null, "crm", "A1", "accounts", 5);
    ConsentFact events = new ConsentFact("email", "events", true,
        Instant.parse("2025-02-01T00:00:00Z"), null, "events", "ATT1", "registrations", 6);
    List<ConsentFact> facts = List.of(general, events);
    assertThat(EligibilityRules.decide(GB, "email", "medical", facts, AS_OF).eligible()).isFalse();
    assertThat(EligibilityRules.decide(GB, "email", "events", facts, AS_OF).eligible()).isTrue();
    assertThat(EligibilityRules.decide(GB, "phone", "events", facts, AS_OF).evidence()).isEmpty();
  }
}
