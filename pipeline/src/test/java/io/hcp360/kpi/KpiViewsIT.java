package io.hcp360.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.standardize.Npi;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The KPI views on a small fixture, against figures worked out by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiViewsIT {
  @TempDir static Path dir;
  private Jdbi jdbi;

  private static String npi(int base) {
    String nine = Integer.toString(base);
    return nine + Npi.checkDigit(nine);
  }

  @BeforeAll
  void run() throws IOException {
    // Three US cardiologists and one German oncologist, each with a distinct NPI.
    Files.writeString(dir.resolve("accounts.csv"), """
        Id,First,Last,NPI,Specialty,Country
        A1,Ann,Lee,%s,Cardiology,US
        A2,Bob,Ray,%s,Cardiology,US
        A3,Cy,Fox,%s,Cardiology,US
        A4,Dora,Kern,%s,Oncology,DE
        """.formatted(npi(111111111), npi(111111112), npi(111111113), npi(111111114)));
    // Calls: logged after 8 h, 47 h, 49 h, never; territory T1 or T2.
    Files.writeString(dir.resolve("calls.csv"), """
        Call,Account,At,Logged,Product,Territory,Channel
        C1,A1,2025-03-01 10:00,2025-03-01 18:00,Cardiozen,T1,visit
        C2,A1,2025-03-02 10:00,2025-03-04 09:00,Cardiozen,T1,visit
        C3,A2,2025-03-03 10:00,2025-03-05 11:00,Cardiozen,T1,remote_meeting
        C4,A2,2025-03-04 10:00,,Cardiozen,T2,visit
        C5,A4,2025-03-05 10:00,2025-03-05 12:00,Oncovia,T9,visit
        """);
    // Emails: A1 and A3 get one; A3's is the most recent contact of all.
    Files.writeString(dir.resolve("emails.csv"), """
        Message,Account,At,Brand
        M1,A1,2025-03-06T08:00:00Z,Cardiozen
        M2,A3,2025-03-09T08:00:00Z,Cardiozen
        """);
    Files.writeString(dir.resolve("job.yaml"), """
        name: kpi
        sources:
          - system: crm
            files:
              - name: accounts
                path: accounts.csv
                party: {source_id: Id, first_name: First, last_name: Last, npi: NPI,
                        specialty: Specialty, country: Country}
              - name: calls
                path: calls.csv
                activity: {activity_id: Call, activity_type: {constant: call},
                           party_source_id: Account,
                           occurred_at: {column: At, format: "yyyy-MM-dd HH:mm"},
                           logged_at: {column: Logged, format: "yyyy-MM-dd HH:mm"},
                           product: Product, territory: Territory, channel: Channel}
              - name: emails
                path: emails.csv
                activity: {activity_id: Message, activity_type: {constant: email_send},
                           party_source_id: Account, occurred_at: At, brand: Brand}
        """);
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result result = Cli.run("run", "--job", dir.resolve("job.yaml").toString(),
        "--db-url", url);
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    jdbi = Jdbi.create(url);
  }

  @Test
  void callsLoggedWithin48HoursByBrandMarketAndTerritory() {
    assertThat(Sql.strings(jdbi, """
        select concat_ws(' ', brand, market, territory, calls, logged_within_48h, logged_later,
          logging_time_unknown, pct_within_48h)
        from publish.kpi_call_logging order by brand, market, territory"""))
        .containsExactly(
            // T1: C1 (8 h) and C2 (47 h) within, C3 (49 h) later: 2 of 3.
            "Cardiozen US T1 3 2 1 0 66.7",
            // T2: C4 never logged.
            "Cardiozen US T2 1 0 0 1 0.0",
            "Oncovia DE T9 1 1 0 0 100.0");
  }

  @Test
  void theMostEngagedHcpsOfASpecialtyPerMarket() {
    // Ann: visit + email (2 channels, last 03-06); Bob: visit + remote (2, last 03-04);
    // Cy: email only (1). Ann ranks before Bob on recency.
    assertThat(Sql.strings(jdbi, """
        select concat_ws(' ', first_name, channels, activities, rank)
        from publish.kpi_engaged_hcps where specialty = 'Cardiology' and market = 'US'
        order by rank"""))
        .containsExactly("Ann 2 3 1", "Bob 2 2 2", "Cy 1 1 3");
    assertThat(Sql.strings(jdbi, "select first_name || ' ' || rank from publish.kpi_engaged_hcps"
        + " where market = 'DE'")).containsExactly("Dora 1");
  }
}
