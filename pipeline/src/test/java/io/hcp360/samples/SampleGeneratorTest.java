package io.hcp360.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
  @TempDir static Path tmp;
  static Path clean;
  static GenerationResult result;

  @BeforeAll
  static void generate() {
    clean = tmp.resolve("clean");
    result = SampleGenerator.generate(GeneratorSettings.of(300, 42, clean, 0));
  }

  @Test
  void theSameSeedGivesIdenticalBytes() throws IOException {
    Path again = tmp.resolve("again");
    SampleGenerator.generate(GeneratorSettings.of(300, 42, again, 0));
    Map<String, byte[]> a = contents(clean);
    Map<String, byte[]> b = contents(again);
    assertThat(b.keySet()).isEqualTo(a.keySet()).contains("truth.csv", "job.yaml", "crm/accounts.csv");
    for (String f : a.keySet()) {
      assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
    }
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    Path other = tmp.resolve("other");
    SampleGenerator.generate(GeneratorSettings.of(300, 43, other, 0));
    for (String f : List.of("crm/accounts.csv", "mdm/hcp_master.txt", "truth.csv", "samples/requests.tsv")) {
      assertThat(Files.readAllBytes(other.resolve(f))).as(f).isNotEqualTo(Files.readAllBytes(clean.resolve(f)));
    }
  }

  @Test
  void truthListsEveryPartyRecordAndNothingElse() throws IOException {
    Map<String, String> truth = Extract.truth(clean);
    Set<String> seen = new HashSet<>();
    for (Extract.Party p : Extract.parties(clean)) {
      seen.add(p.system() + "/" + p.id());
    }
    for (Map<String, String> r : Extract.read(clean.resolve("events/registrations.csv"), ';', true,
        StandardCharsets.UTF_8)) {
      seen.add("events/" + r.get("ATTENDEE_ID"));
    }
    assertThat(truth.keySet()).containsExactlyInAnyOrderElementsOf(seen);
    assertThat(result.totalPartyRecords()).isEqualTo(truth.size());
    assertThat(new HashSet<>(truth.values())).hasSize(300);
  }

  @Test
  void everyActivityReferencesAPartyOfItsSystem() throws IOException {
    Map<String, String> truth = Extract.truth(clean);
    List<String> refs = new ArrayList<>();
    try (Stream<Path> calls = Files.list(clean.resolve("crm"))) {
      for (Path f : calls.filter(f -> f.getFileName().toString().startsWith("calls_")).sorted().toList()) {
        Extract.read(f, ',', true, StandardCharsets.UTF_8).forEach(r -> refs.add("crm/" + r.get("Account_Id")));
      }
    }
    Extract.read(clean.resolve("email/events.csv"), ',', true, StandardCharsets.UTF_8)
        .forEach(r -> refs.add("email/" + r.get("SUBSCRIBER_ID")));
    Extract.read(clean.resolve("samples/requests.tsv"), '\t', false, StandardCharsets.UTF_8)
        .forEach(r -> refs.add("samples/" + r.get("REQUESTER_ID")));
    assertThat(refs).hasSizeGreaterThan(500);
    assertThat(truth.keySet()).containsAll(refs);
  }

  @Test
  void eachPersonIsInOneToFourSystems() throws IOException {
    Map<String, Set<String>> systems = new HashMap<>();
    Extract.truth(clean).forEach((key, person) ->
        systems.computeIfAbsent(person, k -> new HashSet<>()).add(key.substring(0, key.indexOf('/'))));
    assertThat(systems).hasSize(300);
    assertThat(systems.values()).allSatisfy(s -> assertThat(s).hasSizeBetween(1, 4));
    assertThat(systems.values().stream().mapToInt(Set::size).max().orElseThrow()).isGreaterThan(2);
  }

  @Test
  void theMdmFileIsLatin1() throws IOException {
    byte[] bytes = Files.readAllBytes(clean.resolve("mdm/hcp_master.txt"));
    assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)))
        .isInstanceOf(CharacterCodingException.class);
    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(latin1).containsPattern("[ÄÖÜÉÈÁÍÓÚÑÇ]");
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    assertThat(utf8).doesNotContainPattern("[ÄÖÜÉÈÁÍÓÚÑÇ]").contains("\uFFFD");
    // the same byte sequence is a valid name in Latin-1: e.g. MÜLLER is 4D DC 4C 4C 45 52
    assertThat(latin1.lines().skip(1)).anySatisfy(l -> assertThat(l).matches("[^|]*\\|[^|]*[ÄÖÜÉÈÁÍÓÚÑ][^|]*,.*"));
  }

  @Test
  void partyCountsArePrintedPerSystem() {
    assertThat(result.partyRecords().keySet()).containsExactly("crm", "email", "events", "mdm", "samples");
    assertThat(result.totalPartyRecords()).isBetween(300L * 2, 300L * 4);
    assertThat(result.badRows()).isZero();
    assertThat(result.activities()).isPositive();
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> m = new HashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return m;
  }
}
