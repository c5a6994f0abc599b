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
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Free-text specialties in four languages and registry numbers of five registries. */
class SpecialtyMixIT {

  @Test
  void specialtiesAreCodedAndTheUnknownOnesCountedAndLogged() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(StandardizeStage.class);
    log.start();
    logger.addAppender(log);
    String url = TestPostgres.freshDatabaseUrl();
    try {
      Cli.Result run = Cli.run("run", "--job",
          Fixtures.path("specialty-mix/job.yaml").toString(), "--db-url", url);
      assertThat(run.exitCode()).as(run.err()).isZero();
    } finally {
      logger.detachAppender(log);
    }
    Jdbi jdbi = Jdbi.create(url);
    assertThat(Sql.strings(jdbi, "select coalesce(specialty_code, '-') from hcp.party order by source_id"))
        .containsExactly("207RC0000X", "207RC0000X", "207RC0000X", "208000000X", "-", "-", "-");
    assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("3 party records with an unknown specialty")
        .contains("\"Astrology\" (2), \"Witchcraft\" (1)"));
    assertThat(Sql.strings(jdbi, """
        select concat_ws(' ', first_name_std, national_id_type, national_id_value, national_id_valid::text,
                         phone_e164)
        from hcp.party order by source_id"""))
        .isEqualTo(List.of(
            "william NPI 1245319599 true +16143594649",
            "johannes LANR 001661010 true +492218741689",
            "francisco COLEGIADO 280367997 true +34971593629",
            "elodie RPPS 10003371478 true +33364802031",
            "rupert GMC 2589764 true +442079720101",
            "josef LANR 123 false +492218741689",
            "margaret NPI 1234567890 false +16143594649"));
  }
}
