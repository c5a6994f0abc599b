package io.hcp360.match.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept party data is written whole, even by two processes at once, and read back as is. */
class PartyDataFileTest {
  @TempDir Path dir;

  private static PartyData data(String name, int records) {
    String[] systems = new String[records];
    String[] last = new String[records];
    String[] city = new String[records];
    for (int r = 0; r < records; r++) {
      systems[r] = r % 3 == 0 ? "crm" : "mdm";
      last[r] = r % 7 == 0 ? null : name + (r % 50);
      city[r] = "Zürich " + (r % 11);
    }
    return PartyData.of(systems, Map.of("last", last, "city", city));
  }

  @Test
  void writersAtOnceLeaveOneWholeFileAndOldLeftoversGo() throws Exception {
    Path file = dir.resolve("party-data-test.bin");
    Path leftover = dir.resolve("party-data-test.bin123.tmp");
    Files.writeString(leftover, "a killed writer's");
    Files.setLastModifiedTime(leftover,
        FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
    PartyData a = data("smith", 20_000);
    PartyData b = data("jones", 30_000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        List<Future<Object>> writes = pool.invokeAll(List.of(
            () -> write(file, a, 1), () -> write(file, b, 2)));
        for (Future<Object> w : writes) {
          w.get();
        }
        PartyDataFile.Contents read = PartyDataFile.read(file).orElseThrow();
        PartyData expected = read.stamp().checksum() == 1 ? a : b;
        assertThat(read.data().size()).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
          assertThat(read.data().system(r)).isEqualTo(expected.system(r));
          assertThat(read.data().column("last").value(r))
              .isEqualTo(expected.column("last").value(r));
          assertThat(read.data().column("city").value(r))
              .isEqualTo(expected.column("city").value(r));
        }
      }
    } finally {
      pool.shutdown();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactly("party-data-test.bin");
    }
  }

  private static Object write(Path file, PartyData data, long checksum) throws Exception {
    PartyDataFile.write(file, "signature", new PartyDataCache.Stamp(checksum, 1), data,
        List.of("last", "city"));
    return null;
  }
}
