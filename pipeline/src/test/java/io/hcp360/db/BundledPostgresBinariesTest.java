package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's binaries: the generic Linux bundle without asking the distribution,
 * zonky's resolver on Alpine and elsewhere.
 */
class BundledPostgresBinariesTest {
  /** Stands for zonky's resolver: answers with the system and hardware it was asked about. */
  private static final PgBinaryResolver ZONKY = (system, hardware) ->
      new ByteArrayInputStream(("zonky " + system + " " + hardware)
          .getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void namesTheGenericBundleAsZonkyDoes() {
    assertThat(BundledPostgresBinaries.genericBundle("Linux", "amd64"))
        .isEqualTo("postgres-linux-x86_64.txz");
    assertThat(BundledPostgresBinaries.genericBundle("Linux", "x86_64"))
        .isEqualTo("postgres-linux-x86_64.txz");
  }

  @Test
  void onLinuxOtherThanAlpineTheGenericBundle() throws IOException {
    BundledPostgresBinaries binaries =
        new BundledPostgresBinaries(dir.resolve("alpine-release"), ZONKY);
    try (InputStream found = binaries.getPgBinary("Linux", "amd64");
        InputStream generic = getClass().getClassLoader()
            .getResourceAsStream("postgres-linux-x86_64.txz")) {
      assertThat(generic).isNotNull();
      assertThat(found).hasSameContentAs(generic);
    }
  }

  @Test
  void onAlpineZonkysResolverDecides() throws IOException {
    Path release = Files.writeString(dir.resolve("alpine-release"), "3.20.0\n");
    BundledPostgresBinaries binaries = new BundledPostgresBinaries(release, ZONKY);
    try (InputStream found = binaries.getPgBinary("Linux", "amd64")) {
      assertThat(found).hasContent("zonky Linux amd64");
    }
  }

  @Test
  void withoutAGenericBundleZonkysResolverDecides() throws IOException {
    BundledPostgresBinaries binaries =
        new BundledPostgresBinaries(dir.resolve("alpine-release"), ZONKY);
    try (InputStream found = binaries.getPgBinary("Linux", "s390x")) {
      assertThat(found).hasContent("zonky Linux s390x");
    }
  }
}
