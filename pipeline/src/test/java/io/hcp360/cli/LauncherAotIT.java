package io.hcp360.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hcp360.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's ahead-of-time cache (JDK 25 and newer): made once by a run of the samples job,
 * then mapped by every start. Runs the real {@code hcp360} script on the jar the build just made;
 * skipped where the script would build first (a source newer than the jar) or has no JDK 25.
 */
class LauncherAotIT {
  /** Options of this test's own, so that the cache it makes is keyed to them. */
  private static final String OPTIONS = "-Xmx1g";

  private final Path root = Fixtures.repositoryRoot();
  private final Path cache = root.resolve("pipeline/target/hcp360.aot");
  private final Path key = root.resolve("pipeline/target/hcp360.aot.for");

  @AfterEach
  void removeTheTestsCache() throws IOException {
    // Keyed to this test's options, it would only make the next ./hcp360 train again.
    Files.deleteIfExists(cache);
    Files.deleteIfExists(key);
  }

  @Test
  void theLauncherMakesTheCacheOnceAndStartsWithIt() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "the cache needs a JDK 25");
    assumeTrue(jarIsCurrent(), "the launcher would build first");
    Files.deleteIfExists(cache);
    Files.deleteIfExists(key);

    Result first = launch(Map.of());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("hcp360 ");
    assertThat(first.err()).contains("preparing the JVM's ahead-of-time cache");
    assertThat(cache).isNotEmptyFile();
    assertThat(Files.readString(key)).contains(OPTIONS);

    // The next start maps it: the program's own classes come from the cache, not the jar.
    Result second = launch(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:stdout"));
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).doesNotContain("preparing the JVM's ahead-of-time cache");
    assertThat(second.out()).containsPattern("io\\.hcp360\\.cli\\.Hcp360 source: shared");

    // Turned off, it neither trains nor maps.
    Files.delete(cache);
    Result off = launch(Map.of("HCP360_AOT", "off",
        "JDK_JAVA_OPTIONS", "-Xlog:class+load=info:stdout"));
    assertThat(off.exit()).as(off.err()).isZero();
    assertThat(off.err()).doesNotContain("preparing the JVM's ahead-of-time cache");
    assertThat(off.out()).containsPattern("io\\.hcp360\\.cli\\.Hcp360 source: (file|jar)");
    assertThat(cache).doesNotExist();
  }

  private boolean jarIsCurrent() throws IOException {
    Path jar = root.resolve("pipeline/target/hcp360.jar");
    if (!Files.exists(jar)) {
      return false;
    }
    FileTime built = Files.getLastModifiedTime(jar);
    try (Stream<Path> sources = Stream.concat(Files.walk(root.resolve("pipeline/src/main")),
        Stream.of(root.resolve("pipeline/pom.xml"), root.resolve("pom.xml")))) {
      return sources.noneMatch(p -> {
        try {
          return Files.getLastModifiedTime(p).compareTo(built) > 0;
        } catch (IOException e) {
          return true;
        }
      });
    }
  }

  private record Result(int exit, String out, String err) {}

  private Result launch(Map<String, String> env) throws Exception {
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(List.of("bash", root.resolve("hcp360").toString(),
          "--version"))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().remove("HCP360_AOT");
      builder.environment().remove("JDK_JAVA_OPTIONS");
      builder.environment().put("HCP360_JAVA_OPTS", OPTIONS);
      builder.environment().putAll(env);
      Process process = builder.start();
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
