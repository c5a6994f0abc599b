package io.hcp360.config;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quartz.CronExpression;

/** Reads a job file's {@code schedule: {cron, time_zone, misfire}}, reporting every problem. */
final class ScheduleParser {
  private static final Set<String> KEYS = Set.of("cron", "time_zone", "misfire");

  private ScheduleParser() {}

  static Optional<Schedule> parse(YamlNode node) {
    Map<String, YamlNode> e = node.entries("schedule", KEYS);
    Optional<String> cron = Optional.ofNullable(e.get("cron")).flatMap(c -> c.text("cron"));
    if (cron.isEmpty() && e.get("cron") == null) {
      node.problem("a schedule needs cron: (for example \"0 0 2 * * ?\", 02:00 every day)");
    }
    cron.ifPresent(c -> {
      try {
        new CronExpression(c);
      } catch (ParseException ex) {
        e.get("cron").problem("cron '" + c + "' is not a Quartz cron expression: "
            + ex.getMessage() + " (six or seven fields: seconds minutes hours day-of-month"
            + " month day-of-week [year]; \"0 0 2 * * ?\" is 02:00 every day)");
      }
    });
    Optional<ZoneId> zone = Optional.empty();
    YamlNode zoneNode = e.get("time_zone");
    if (zoneNode == null) {
      node.problem("a schedule needs time_zone: (for example Europe/Berlin or UTC)");
    } else {
      zone = zoneNode.text("time_zone").flatMap(z -> zone(z, zoneNode));
    }
    Schedule.Misfire misfire = Schedule.Misfire.RUN_ONCE;
    if (e.get("misfire") != null) {
      Optional<String> text = e.get("misfire").text("misfire");
      Optional<Schedule.Misfire> known = text.flatMap(t -> Arrays.stream(Schedule.Misfire.values())
          .filter(m -> m.key().equals(t)).findFirst());
      if (text.isPresent() && known.isEmpty()) {
        e.get("misfire").problem("misfire is run_once or skip, not '" + text.get() + "'");
      }
      misfire = known.orElse(misfire);
    }
    if (cron.isEmpty() || zone.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Schedule(cron.get(), zone.get(), misfire));
  }

  private static Optional<ZoneId> zone(String text, YamlNode node) {
    try {
      return Optional.of(ZoneId.of(text));
    } catch (DateTimeException ex) {
      node.problem("time_zone '" + text + "' is not a time zone" + Problems.didYouMean(text,
          ZoneId.getAvailableZoneIds()) + " (a region such as Europe/Berlin, or UTC)");
      return Optional.empty();
    }
  }
}
