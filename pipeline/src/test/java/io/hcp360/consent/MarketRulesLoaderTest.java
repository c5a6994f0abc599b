package io.hcp360.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.config.ConfigException;
import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketRulesLoaderTest {

  @Test
  void readsTheShippedMarkets() {
    Map<String, MarketRules> markets =
        MarketRulesLoader.load(Fixtures.repositoryRoot().resolve("jobs/markets"));
    assertThat(markets).containsOnlyKeys("DE", "ES", "FR", "GB", "US");
    assertThat(markets.get("US").regime()).isEqualTo(Regime.OPT_OUT);
    assertThat(markets.get("DE").regime()).isEqualTo(Regime.OPT_IN);
    assertThat(markets.get("DE").expiryMonths("email")).isEqualTo(OptionalInt.of(24));
    assertThat(markets.get("DE").expiryMonths("phone")).isEqualTo(OptionalInt.of(36));
    assertThat(markets.get("GB").expiryMonths("email")).isEmpty();
    assertThat(markets.get("DE").channels()).doesNotContain("sms");
  }

  @Test
  void noFolderMeansNoMarkets(@TempDir Path dir) {
    assertThat(MarketRulesLoader.load(dir.resolve("markets"))).isEmpty();
  }

  @Test
  void reportsEveryProblemOfEveryFileWithItsLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("DE.yaml"), """
        regime: opt-in
        expiry_months: {emial: 12, default: 0}
        channels: [email, fax]
        """);
    Files.writeString(dir.resolve("US.yaml"), "channel: [email]\n");
    Files.writeString(dir.resolve("usa.yaml"), "regime: opt_out\n");
    assertThatThrownBy(() -> MarketRulesLoader.load(dir))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(7))
        .hasMessageContaining("DE.yaml:1: regime must be opt_in or opt_out, not 'opt-in'")
        .hasMessageContaining("DE.yaml:2: unknown key 'emial' in expiry_months; did you mean"
            + " 'email'?")
        .hasMessageContaining("DE.yaml:2: expiry_months must be at least 1, not 0")
        .hasMessageContaining("DE.yaml:3: unknown channel 'fax'")
        .hasMessageContaining("US.yaml:1: unknown key 'channel' in a market file; did you mean"
            + " 'channels'?")
        .hasMessageContaining("US.yaml:1: market US needs 'regime: opt_in' or 'regime: opt_out'")
        .hasMessageContaining("usa.yaml:1: a market file is named by its ISO 3166 alpha-2 code");
  }

  @Test
  void validateAndRunReportABadMarketFileBeforeAnythingRuns(@TempDir Path dir)
      throws IOException {
    Path job = Fixtures.copy("consent", dir).resolve("job.yaml");
    Files.writeString(dir.resolve("markets/DE.yaml"), "regime: optin\n");
    for (String command : new String[] {"validate", "run"}) {
      Cli.Result result = command.equals("validate")
          ? Cli.run(command, "--job", job.toString())
          : Cli.run(command, "--job", job.toString(), "--db-url",
              "jdbc:postgresql://127.0.0.1:1/never-opened");
      assertThat(result.exitCode()).as(command).isNotZero();
      assertThat(result.err()).as(command)
          .contains("DE.yaml:1: regime must be opt_in or opt_out, not 'optin'")
          .doesNotContain("could not connect");
    }
  }
}
