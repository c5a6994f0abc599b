package io.hcp360.job;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hcp360.standardize.StandardizeStage;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.Sql;
import io.hcp360.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The samples through the nightly job: every standardized column of hcp.party is filled. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardizedPartyIT {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger stageLogger = (Logger) LoggerFactory.getLogger(StandardizeStage.class);
  private Jdbi jdbi;

  @BeforeAll
  void runTheNightlyJobOnTheSamples() {
    log.start();
    stageLogger.addAppender(log);
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job",
        Fixtures.repositoryRoot().resolve("jobs/nightly.yaml").toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    jdbi = Jdbi.create(url);
  }

  @AfterAll
  void detachTheLog() {
    stageLogger.detachAppender(log);
  }

  @Test
  void almostEveryPhoneBecomesE164() {
    long withPhone = Sql.count(jdbi, "select count(*) from hcp.party where phone <> ''");
    long e164 = Sql.count(jdbi, "select count(*) from hcp.party where phone_e164 is not null");
    assertThat(withPhone).isGreaterThan(100);
    assertThat((double) e164 / withPhone).isGreaterThan(0.90);
    assertThat(Sql.count(jdbi,
        "select count(*) from hcp.party where phone_e164 is not null and phone_e164 !~ '^\\+[1-9][0-9]{6,14}$'"))
        .isZero();
  }

  @Test
  void everyTypedNpiIsTypedAndChecked() {
    assertThat(Sql.count(jdbi, "select count(*) from hcp.party where national_id like 'NPI:%'"))
        .isGreaterThan(10);
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where national_id like 'NPI:%'
        and (national_id_type is distinct from 'NPI' or national_id_valid <> npi_valid
             or national_id_value is distinct from npi)"""))
        .isZero();
    for (String type : new String[] {"RPPS", "LANR", "COLEGIADO", "GMC"}) {
      assertThat(Sql.count(jdbi, "select count(*) from hcp.party where national_id_type = '"
          + type + "' and national_id_valid")).as(type).isGreaterThan(0);
    }
  }

  @Test
  void namesAreStandardizedWithTheirKeys() {
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where last_name is not null
        and (last_name_std is null or last_name_phonetic is null)""")).isZero();
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where length(first_name_key) > 1
        and (first_name_std is null or first_initial is null or first_name_phonetic is null)"""))
        .isZero();
    // An initial stays a lone letter, unless the record's email spells out a given name with
    // that initial before the surname ("S. Mercier", stephane.mercier@...): then that name.
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where first_name ~ '^[A-Za-z]\\.?$'
        and (first_name_std is distinct from lower(left(first_name, 1))
             or first_initial is null)
        and not (first_name_std like lower(left(first_name, 1)) || '%'
                 and email_local like '%' || replace(last_name_std, ' ', '') || '%')"""))
        .isZero();
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where first_name ~ '^[A-Za-z]\\.?$'
        and length(first_name_std) > 1"""))
        .as("given names taken from emails").isGreaterThan(0);
    assertThat(Sql.count(jdbi,
        "select count(*) from hcp.party where first_name ~ '^[A-Za-z]\\.?$'"))
        .as("the samples have initials").isGreaterThan(0);
    assertThat(Sql.count(jdbi,
        "select count(*) from hcp.party where first_name_key <> first_name_std"))
        .as("nicknames resolved").isGreaterThan(0);
  }

  @Test
  void addressesPostalCodesCitiesAndEmailsAreFilled() {
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where address_line1 <> ''
        and (address_std is null or street_number is null)""")).isZero();
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where country = 'US' and postal_code_std !~ '^[0-9]{5}$'"""))
        .isZero();
    assertThat(Sql.count(jdbi, "select count(*) from hcp.party where postal_code <> ''"))
        .isLessThanOrEqualTo(Sql.count(jdbi,
            "select count(*) from hcp.party where postal_code_std is not null") + 5);
    assertThat(Sql.count(jdbi,
        "select count(*) from hcp.party where city <> '' and city_std is null")).isZero();
    assertThat(Sql.count(jdbi,
        "select count(*) from hcp.party where email is not null and email_local is null")).isZero();
  }

  @Test
  void everySpecialtyOfTheSamplesIsCoded() {
    assertThat(Sql.count(jdbi, "select count(*) from hcp.party where specialty_code is not null"))
        .isGreaterThan(100);
    assertThat(Sql.count(jdbi,
        "select count(*) from hcp.party where specialty <> '' and specialty_code is null"))
        .isZero();
    assertThat(log.list).noneSatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("unknown specialty"));
  }

  @Test
  void birthDatesComeFromTheExtras() {
    assertThat(Sql.count(jdbi, """
        select count(*) from hcp.party where extras->>'date_of_birth' is not null
        and birth_date is distinct from (extras->>'date_of_birth')::date""")).isZero();
    assertThat(Sql.count(jdbi, "select count(*) from hcp.party where birth_date is not null"))
        .isGreaterThan(10);
  }
}
