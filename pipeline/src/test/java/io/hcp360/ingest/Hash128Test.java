package io.hcp360.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Hash128Test {

  @Test
  void aUuidAsPostgresqlWritesItReadsAsItsDigits() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      UUID uuid = new UUID(random.nextLong(), random.nextLong());
      Hash128 hash = Hash128.parse(uuid.toString());
      assertThat(hash).isEqualTo(new Hash128(uuid.getMostSignificantBits(),
          uuid.getLeastSignificantBits()));
      assertThat(Hash128.parse(hash.toString())).isEqualTo(hash);
      assertThat(Hash128.parse(uuid.toString().toUpperCase())).isEqualTo(hash);
    }
  }

  @Test
  void anythingElseIsRefused() {
    assertThatThrownBy(() -> Hash128.parse("0123456z-0123-0123-0123-0123456789ab"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hash128.parse("+1234567-0123-0123-0123-0123456789ab"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hash128.parse("0123456789abcdef"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
