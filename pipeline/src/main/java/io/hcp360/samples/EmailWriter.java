package io.hcp360.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The email platform: {@code email/subscribers.csv} (a party and its email consent per row, names
 * mostly without accents, US-style 12-hour timestamps) and {@code email/events.csv} (one row per
 * sent, opened or clicked email, ISO timestamps with offset). Some persons subscribed twice, with
 * their work and their private address.
 */
final class EmailWriter implements SystemWriter {
  static final List<String> SUBSCRIBER_COLUMNS = List.of("SUBSCRIBER_ID", "EMAIL", "FIRST_NAME", "LAST_NAME",
      "COUNTRY", "OPT_IN_STATUS", "STATUS_CHANGED_AT");
  static final List<String> EVENT_COLUMNS = List.of("EVENT_ID", "SUBSCRIBER_ID", "CAMPAIGN", "BRAND",
      "EVENT_TYPE", "EVENT_TS");
  private static final NoiseProfile NOISE = new NoiseProfile(3, 20, 2, 0, 0, 50, 0, 15, 60);
  private static final String[] CAMPAIGNS = {"Launch", "Newsletter", "Congress Invite", "Clinical Update", "Webinar"};

  private final Context cx;
  private final OutFile subscribers;
  private final OutFile events;
  private long subscriberSeq;
  private long eventSeq;

  EmailWriter(Context cx) {
    this.cx = cx;
    this.subscribers = cx.open(new Layout("email/subscribers.csv", SUBSCRIBER_COLUMNS, ',', Layout.Quoting.MINIMAL,
        StandardCharsets.UTF_8, 0, 3, 6, List.of("02/31/2025 10:15 AM", "yesterday")), 4);
    this.events = cx.open(new Layout("email/events.csv", EVENT_COLUMNS, ',', Layout.Quoting.MINIMAL,
        StandardCharsets.UTF_8, 1, 2, 5, List.of("yesterday", "2025-02-30T08:00:00+01:00")), 5);
  }

  @Override
  public SourceSystem system() {
    return SourceSystem.EMAIL;
  }

  @Override
  public void write(Person p) {
    subscribe(p, cx.chance(70) ? p.workEmail() : p.personalEmail());
    if (cx.chance(8)) {
      subscribe(p, p.personalEmail());
    }
  }

  private void subscribe(Person p, String email) {
    String id = String.format(Locale.ROOT, "SUB%09d", ++subscriberSeq);
    NameView n = cx.noise().name(p, NOISE);
    boolean subscribed = cx.chance(80);
    LocalDateTime changed = Times.between(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 6, 1), cx.rng());
    if (subscribers.write(id, email, n.first(), n.last(), p.market().name(),
        subscribed ? "subscribed" : "unsubscribed", Times.US_12H.format(changed))) {
      cx.truth().add(SourceSystem.EMAIL, id, p);
    }
    int sends = cx.rng().nextInt(subscribed ? 6 : 2);
    for (int i = 0; i < sends; i++) {
      Pools.Brand brand = Brands.product(cx.pools(), p.specialty(), cx.rng());
      int month = 1 + cx.rng().nextInt(CrmWriter.MONTHS);
      String campaign = String.format(Locale.ROOT, "%s %s %d-%02d", brand.name(),
          CAMPAIGNS[cx.rng().nextInt(CAMPAIGNS.length)], CrmWriter.YEAR, month);
      LocalDateTime sent = Times.workingHours(CrmWriter.YEAR, month, cx.rng());
      event(id, campaign, brand, "Sent", sent, p.market());
      if (cx.chance(40)) {
        LocalDateTime opened = sent.plusMinutes(5 + cx.rng().nextInt(3 * 24 * 60));
        event(id, campaign, brand, "Open", opened, p.market());
        if (cx.chance(30)) {
          event(id, campaign, brand, "Click", opened.plusSeconds(10 + cx.rng().nextInt(600)), p.market());
        }
      }
    }
  }

  private void event(String subscriber, String campaign, Pools.Brand brand, String type, LocalDateTime at, Market m) {
    ZoneOffset offset = switch (m) {
      case US -> ZoneOffset.ofHours(-5);
      case GB -> ZoneOffset.UTC;
      case DE, FR, ES -> ZoneOffset.ofHours(1);
    };
    events.write(String.format(Locale.ROOT, "EV%010d", ++eventSeq), subscriber, campaign, brand.name(), type,
        Times.ISO_OFFSET.format(at.atOffset(offset)));
  }

  @Override
  public long activities() {
    return eventSeq;
  }

  @Override
  public List<OutFile> files() {
    return List.of(subscribers, events);
  }

  @Override
  public void close() throws IOException {
    subscribers.close();
    events.close();
  }
}
