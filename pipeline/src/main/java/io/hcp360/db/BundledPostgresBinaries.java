package io.hcp360.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds the PostgreSQL binaries of the embedded server among the bundles on the class path, as
 * zonky's {@link DefaultPostgresBinaryResolver} does, without first asking {@code lsb_release}
 * for the Linux distribution (a shell script and five processes: 0.17-0.19 s at every start).
 * The bundles hcp360 ships for Linux are the generic one and Alpine's, so the distribution
 * matters on Alpine only (told by {@code /etc/alpine-release}); there, and wherever no generic
 * bundle fits, zonky's resolver decides.
 */
final class BundledPostgresBinaries implements PgBinaryResolver {
  private final Path alpineRelease;
  private final PgBinaryResolver elsewhere;

  BundledPostgresBinaries() {
    this(Path.of("/etc/alpine-release"), DefaultPostgresBinaryResolver.INSTANCE);
  }

  /**
   * @param alpineRelease the file whose presence says the system is Alpine Linux
   * @param elsewhere the resolver that decides there, and where no generic bundle fits
   */
  BundledPostgresBinaries(Path alpineRelease, PgBinaryResolver elsewhere) {
    this.alpineRelease = alpineRelease;
    this.elsewhere = elsewhere;
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    if (system.equalsIgnoreCase("Linux") && !Files.exists(alpineRelease)) {
      URL bundle = BundledPostgresBinaries.class.getClassLoader().getResource(
          genericBundle(system, machineHardware));
      if (bundle != null) {
        return bundle.openStream();
      }
    }
    return elsewhere.getPgBinary(system, machineHardware);
  }

  /** The name of the bundle for any distribution of the system ("postgres-linux-x86_64.txz"). */
  static String genericBundle(String system, String machineHardware) {
    return ("postgres-" + system + "-" + ArchUtils.normalize(machineHardware) + ".txz")
        .replace(' ', '_').toLowerCase(Locale.ROOT);
  }
}
