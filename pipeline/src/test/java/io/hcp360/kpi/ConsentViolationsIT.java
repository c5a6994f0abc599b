package io.hcp360.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emails sent when the HCP was not eligible, against cases worked out by hand. */
class ConsentViolationsIT {
  @TempDir Path dir;

  @Test
  void emailsSentWhenTheHcpWasNotEligible() throws IOException {
    Files.createDirectories(dir.resolve("markets"));
    for (String market : new String[] {"US", "DE"}) {
      Files.copy(Fixtures.repositoryRoot().resolve("jobs/markets/" + market + ".yaml"),
          dir.resolve("markets/" + market + ".yaml"));
    }
    // Ann (US, opt-out market) opts out on 03-05; Dora (DE, opt-in market) opts in on 03-05.
    Files.writeString(dir.resolve("subscribers.csv"), """
        Id,First,Last,Country,Status,Changed
        S1,Ann,Lee,US,unsubscribed,2025-03-05T00:00:00Z
        S2,Dora,Kern,DE,subscribed,2025-03-05T00:00:00Z
        """);
    // Each gets an email before and after that date.
    Files.writeString(dir.resolve("sends.csv"), """
        Message,Subscriber,At,Brand
        M1,S1,2025-03-01T08:00:00Z,Cardiozen
        M2,S1,2025-03-10T08:00:00Z,Cardiozen
        M3,S2,2025-03-01T08:00:00Z,Oncovia
        M4,S2,2025-03-10T08:00:00Z,Oncovia
        """);
    Files.writeString(dir.resolve("job.yaml"), """
        name: violations
        sources:
          - system: email
            files:
              - name: subscribers
                path: subscribers.csv
                party: {source_id: Id, first_name: First, last_name: Last, country: Country}
                consent: {party_source_id: Id, channel: {constant: email},
                          purpose: {constant: promotional},
                          status: {column: Status,
                                   map: {subscribed: opt_in, unsubscribed: opt_out}},
                          stated_at: Changed}
              - name: sends
                path: sends.csv
                activity: {activity_id: Message, activity_type: {constant: email_send},
                           party_source_id: Subscriber, occurred_at: At, brand: Brand}
        """);
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job", dir.resolve("job.yaml").toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    // M2: Ann had opted out before it; M3: Dora had not opted in yet. M1 and M4 are fine.
    assertThat(Sql.strings(Jdbi.create(url), """
        select activity_id || ' ' || market || ' ' || reason
        from publish.kpi_consent_violations order by activity_id"""))
        .containsExactly(
            "M2 US sent after an opt-out by email/S1 on 2025-03-05 00:00",
            "M3 DE sent with no opt-in on record in an opt-in market");
  }
}
