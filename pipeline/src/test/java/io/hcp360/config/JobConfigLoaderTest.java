package io.hcp360.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hcp360.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsAValidJobFile() {
    JobConfig job = JobConfigLoader.load(Fixtures.path("basic/job.yaml"));
    assertThat(job.name()).isEqualTo("basic");
    assertThat(job.systems()).containsExactly("crm", "mdm");
    SourceFile calls = job.sources().get(1);
    assertThat(calls.label()).isEqualTo("crm/calls");
    assertThat(calls.paths()).extracting(p -> p.getFileName().toString())
        .containsExactly("crm_calls_202503.csv", "crm_calls_202504.csv");
    SourceFile mdm = job.sources().get(2);
    assertThat(mdm.dialect().delimiter()).isEqualTo('|');
    assertThat(mdm.dialect().encoding().name()).isEqualTo("ISO-8859-1");
    assertThat(mdm.facet(Facet.PARTY).orElseThrow().extras()).extracting(FieldMapping::name)
        .containsExactly("date_of_birth");
  }

  @Test
  void reportsEveryMistakeAtOnceWithItsLine() throws IOException {
    Files.writeString(dir.resolve("accounts.csv"), "Id,First_Name,LastName,Updated\n1,a,b,c\n");
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        name: broken
        sources:
          - system: crm
            dialect: {delimiter: ";;", encoding: NOPE-8}
            files:
              - name: accounts
                path: accounts.csv
                party:
                  source_id: Id
                  first_name: Frist_Name
                  last_name: LastName
                  last_modified: {column: Updated, format: "dd/MM/yyyy QQQQQQ"}
                  specialty: {column: Spec, unmapped: maybe}
                  nickname: Nick
              - name: calls
                path: calls_*.csv
                activity:
                  party_source_id: Id
                  activity_type: {constant: phone_call}
                  occured_at: When
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> JobConfigLoader.load(job));
    List<String> problems = e.problems().stream()
        .map(p -> p.line() + ": " + p.message()).toList();
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("4: delimiter must be one character"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("4: unknown encoding 'NOPE-8'"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("12: 'dd/MM/yyyy QQQQQQ' is not a valid date pattern"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("13: unmapped must be keep, reject or blank"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("14: unknown key 'nickname'"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("19: 'phone_call' is not a value of activity_type"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("20: unknown key 'occured_at'").contains("did you mean 'occurred_at'?"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("18: activity needs occurred_at (required), but does not map it"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("16: no file matches 'calls_*.csv'"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("7: line 10 (party.first_name)"
        + " reads column 'Frist_Name', which accounts.csv does not have; did you mean 'First_Name'?"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("7: line 13 (party.specialty) reads column 'Spec'"));
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(job));
    assertThat(e.getMessage()).startsWith(e.problems().size() + " problems in the configuration:")
        .contains(job + ":20: unknown key 'occured_at'");
  }

  @Test
  void yamlSyntaxErrorsAreReportedWithTheirLine() throws IOException {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "name: x\nsources:\n  - system: crm\n   files: [\n");
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> JobConfigLoader.load(job));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("not valid YAML");
      assertThat(p.line()).isBetween(3, 5);
    });
  }

  @Test
  void aFileWithoutHeaderNeedsItsColumns() throws IOException {
    Files.writeString(dir.resolve("x.csv"), "1,2\n");
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        sources:
          - system: crm
            files:
              - name: x
                path: x.csv
                dialect: {header: false}
                party: {source_id: A}
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> JobConfigLoader.load(job));
    assertThat(e.problems()).extracting(ConfigProblem::message)
        .anySatisfy(m -> assertThat(m).contains("needs dialect 'columns: [...]'"));
  }

  @Test
  void readsQualityGatesAndReportsEveryMistakeInThem() throws IOException {
    Path base = Fixtures.path("basic/job.yaml");
    Path job = Fixtures.copy("basic", dir.resolve("basic")).resolve("job.yaml");
    Files.writeString(job, Files.readString(base)
        + "gates: {max_reject_rate: 0.05, max_golden_id_churn: 0.1, max_published_drop: 0.2}\n");
    GateLimits gates = JobConfigLoader.load(job).gates();
    assertThat(gates.maxRejectRate()).contains(0.05);
    assertThat(gates.maxGoldenIdChurn()).contains(0.1);
    assertThat(gates.maxPublishedDrop()).contains(0.2);
    assertThat(JobConfigLoader.load(base).gates()).isEqualTo(GateLimits.NONE);

    Files.writeString(job, Files.readString(base) + """
        gates:
          max_reject_rate: 5%
          max_published_drop: 1.5
          max_golden_id_chrun: 0.1
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> JobConfigLoader.load(job));
    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
        job + ":41: max_reject_rate must be a number, not '5%'",
        job + ":42: max_published_drop is a fraction from 0 to 1 (0.05 for 5 %), not 1.5",
        job + ":43: unknown key 'max_golden_id_chrun' in gates; did you mean"
            + " 'max_golden_id_churn'? (allowed: max_golden_id_churn, max_published_drop,"
            + " max_reject_rate)");
  }

  @Test
  void readsTheSchedule() throws IOException {
    Path job = scheduledJob("schedule: {cron: \"0 0 2 * * ?\", time_zone: Europe/Berlin,"
        + " misfire: skip}");
    Schedule schedule = JobConfigLoader.load(job).schedule().orElseThrow();
    assertThat(schedule.cron()).isEqualTo("0 0 2 * * ?");
    assertThat(schedule.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    assertThat(schedule.misfire()).isEqualTo(Schedule.Misfire.SKIP);

    Path runOnce = scheduledJob("schedule: {cron: \"0 15 3 ? * MON-FRI\", time_zone: UTC}");
    assertThat(JobConfigLoader.load(runOnce).schedule().orElseThrow().misfire())
        .as("the default misfire policy").isEqualTo(Schedule.Misfire.RUN_ONCE);
    assertThat(JobConfigLoader.load(Fixtures.path("basic/job.yaml")).schedule()).isEmpty();
  }

  @Test
  void reportsEveryScheduleMistakeAtOnce() throws IOException {
    Path job = scheduledJob("""
        schedule:
          cron: "0 0 25 * * ?"
          time_zone: Europe/Berlinn
          misfire: later
          every: day""");
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> JobConfigLoader.load(job));
    List<String> problems = e.problems().stream()
        .map(p -> p.line() + ": " + p.message()).toList();
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("10: cron '0 0 25 * * ?' is not a Quartz cron expression"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("11: time_zone 'Europe/Berlinn' is not a time zone; did you mean"
            + " 'Europe/Berlin'?"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("12: misfire is run_once or skip, not 'later'"));
    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("13: unknown key 'every' in schedule"));

    Path noZone = scheduledJob("schedule: {cron: \"0 0 2 * * ?\"}");
    assertThat(catchThrowableOfType(ConfigException.class, () -> JobConfigLoader.load(noZone))
        .problems()).extracting(ConfigProblem::message)
        .containsExactly("a schedule needs time_zone: (for example Europe/Berlin or UTC)");
  }

  /** A valid job file of one source, ending with {@code schedule}. */
  private Path scheduledJob(String schedule) throws IOException {
    Files.writeString(dir.resolve("accounts.csv"), "Id,LastName\n1,Smith\n");
    Path job = dir.resolve("scheduled.yaml");
    Files.writeString(job, """
        name: scheduled
        sources:
          - system: crm
            files:
              - name: accounts
                path: accounts.csv
                party: {source_id: Id, last_name: LastName}
        rules: %s
        """.formatted(Fixtures.repositoryRoot().resolve("matching-rules/hcp.yaml")) + schedule
        + "\n");
    return job;
  }
}
