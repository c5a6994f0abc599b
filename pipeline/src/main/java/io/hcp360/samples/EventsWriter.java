package io.hcp360.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The events vendor: {@code events/registrations.csv}, semicolon-delimited, the attendee's name in
 * one column ("Dr. Anna Schmidt, MD"), country as an English name. A row is an attendee (party),
 * a registration (activity) and, when MARKETING_OPTIN is filled, a consent.
 */
final class EventsWriter implements SystemWriter {
  static final List<String> COLUMNS = List.of("REGISTRATION_ID", "ATTENDEE_ID", "FULL_NAME", "EMAIL",
      "ORGANISATION", "COUNTRY", "EVENT_ID", "EVENT_NAME", "REG_TS", "ATTENDED", "MARKETING_OPTIN");
  private static final NoiseProfile NOISE = new NoiseProfile(3, 15, 2, 20, 80, 5, 0, 20, 50);

  private final Context cx;
  private final OutFile file;
  private long attendees;
  private long registrations;

  EventsWriter(Context cx) {
    this.cx = cx;
    this.file = cx.open(new Layout("events/registrations.csv", COLUMNS, ';', Layout.Quoting.MINIMAL,
        StandardCharsets.UTF_8, 1, 2, 8, List.of("31.02.2025 09:00", "yesterday")), 3);
  }

  @Override
  public SourceSystem system() {
    return SourceSystem.EVENTS;
  }

  @Override
  public void write(Person p) {
    String attendee = String.format(Locale.ROOT, "ATT-%07d", ++attendees);
    NameView n = cx.noise().name(p, NOISE);
    String fullName = fullName(p, n);
    String email = cx.chance(60) ? p.workEmail() : p.personalEmail();
    String org = cx.chance(10) ? "" : p.organisation();
    String country = country(p.market());
    List<Pools.Event> events = events(p.market(), 1 + (cx.chance(30) ? 1 + cx.rng().nextInt(2) : 0));
    boolean listed = false;
    for (Pools.Event e : events) {
      LocalDateTime reg = LocalDate.parse(e.date()).minusDays(1 + cx.rng().nextInt(60))
          .atTime(7 + cx.rng().nextInt(15), cx.rng().nextInt(60));
      int optin = cx.rng().nextInt(100);
      boolean written = file.write(
          String.format(Locale.ROOT, "REG-%08d", ++registrations),
          attendee,
          fullName,
          email,
          org,
          country,
          e.id(),
          e.name(),
          Times.EVENTS.format(reg),
          cx.chance(75) ? "Y" : "N",
          optin < 45 ? "Y" : optin < 70 ? "N" : "");
      if (written && !listed) {
        cx.truth().add(SourceSystem.EVENTS, attendee, p);
        listed = true;
      }
    }
  }

  /** "Dr. Anna Schmidt, MD", "Dr. med. Hans Müller", "Dr Jean Martin", "John Smith Jr, NP". */
  private String fullName(Person p, NameView n) {
    String cred = p.credential();
    boolean doctor = !List.of("NP", "PA", "PharmD").contains(cred);
    String title = !doctor ? "" : switch (p.market()) {
      case DE -> cred.equals("Dr. med.") ? (cx.chance(10) ? "Prof. Dr. med." : "Dr. med.") : "";
      case FR -> "Dr";
      case ES, US, GB -> "Dr.";
    };
    String name = NameView.join(title, n.first(), n.middle(), n.last(), n.suffix());
    boolean trailing = p.market() == Market.US || p.market() == Market.GB || !doctor;
    return trailing && cx.chance(70) ? name + ", " + cred : name;
  }

  private String country(Market m) {
    if (cx.chance(10)) {
      return switch (m) {
        case US -> "USA";
        case DE -> "Deutschland";
        case FR -> "FRANCE";
        case ES -> "España";
        case GB -> "UK";
      };
    }
    return m.englishName();
  }

  private List<Pools.Event> events(Market m, int n) {
    List<Pools.Event> all = cx.pools().events();
    List<Pools.Event> chosen = new ArrayList<>();
    while (chosen.size() < n) {
      Pools.Event e = Pools.pick(all, cx.rng());
      if (!chosen.contains(e) && (e.market() == m || cx.chance(40))) {
        chosen.add(e);
      }
    }
    return chosen;
  }

  @Override
  public long activities() {
    return registrations;
  }

  @Override
  public List<OutFile> files() {
    return List.of(file);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
