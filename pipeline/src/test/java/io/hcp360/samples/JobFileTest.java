package io.hcp360.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the generated job file as the loader would (jobs/README.md) and checks it against the
 * files: every path matches, every column exists, every date format parses its column, and every
 * party_source_id names a party of its system.
 */
class JobFileTest {
  private static final Set<String> FACETS = Set.of("party", "activity", "consent");
  private static final Set<String> NOT_COLUMNS = Set.of("required");

  @TempDir static Path tmp;
  static Path jobFile;
  static Map<String, Object> job;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void generate() throws IOException {
    jobFile = tmp.resolve("jobs/nightly.yaml");
    SampleGenerator.generate(new GeneratorSettings(300, 42, tmp.resolve("samples"), jobFile, 0));
    try (Reader r = Files.newBufferedReader(jobFile)) {
      job = (Map<String, Object>) new Yaml().load(r);
    }
  }

  @Test
  void listsTheFiveSystemsWithPathsRelativeToTheJobFile() {
    List<String> systems = sources().stream().map(s -> (String) s.get("system")).toList();
    assertThat(systems).containsExactly("crm", "mdm", "events", "email", "samples");
    assertThat(files(sources().get(0)).get(0).get("path")).isEqualTo("../samples/crm/accounts.csv");
  }

  @Test
  void everyPathMatchesFilesAndEveryColumnExists() throws IOException {
    int checked = 0;
    for (Map<String, Object> source : sources()) {
      for (Map<String, Object> file : files(source)) {
        List<Path> paths = glob((String) file.get("path"));
        assertThat(paths).as((String) file.get("path")).isNotEmpty();
        for (Path p : paths) {
          Set<String> header = new HashSet<>(read(source, p).get(0).keySet());
          for (String facet : FACETS) {
            for (String column : columns(file.get(facet))) {
              assertThat(header).as(p + " " + facet).contains(column);
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(60);
  }

  @Test
  void everyDateFormatParsesItsColumn() throws IOException {
    int parsed = 0;
    for (Map<String, Object> source : sources()) {
      for (Map<String, Object> file : files(source)) {
        List<String[]> specs = new ArrayList<>();
        for (String facet : FACETS) {
          dateSpecs(file.get(facet), specs);
        }
        for (Path p : glob((String) file.get("path"))) {
          for (Map<String, String> row : read(source, p)) {
            for (String[] spec : specs) {
              String value = row.get(spec[0]);
              if (value != null && !value.isBlank()) {
                DateTimeFormatter.ofPattern(spec[1].replace("yyyy", "uuuu"), Locale.US)
                    .withResolverStyle(ResolverStyle.STRICT).parse(value);
                parsed++;
              }
            }
          }
        }
      }
    }
    assertThat(parsed).isGreaterThan(1000);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPartySourceIdNamesAPartyOfTheSameSystem() throws IOException {
    for (Map<String, Object> source : sources()) {
      Set<String> parties = new HashSet<>();
      Map<Path, List<String>> references = new HashMap<>();
      for (Map<String, Object> file : files(source)) {
        for (Path p : glob((String) file.get("path"))) {
          List<Map<String, String>> rows = read(source, p);
          if (file.get("party") instanceof Map<?, ?> party) {
            String column = (String) party.get("source_id");
            rows.forEach(r -> parties.add(r.get(column)));
          }
          for (String facet : List.of("activity", "consent")) {
            if (file.get(facet) instanceof Map<?, ?> f) {
              String column = (String) ((Map<String, Object>) f).get("party_source_id");
              rows.forEach(r -> references.computeIfAbsent(p, k -> new ArrayList<>()).add(r.get(column)));
            }
          }
        }
      }
      assertThat(parties).as(source.get("system") + " parties").isNotEmpty();
      references.forEach((p, ids) -> assertThat(parties).as(p.toString()).containsAll(ids));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> sources() {
    return (List<Map<String, Object>>) job.get("sources");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> files(Map<String, Object> source) {
    return (List<Map<String, Object>>) source.get("files");
  }

  private static List<Path> glob(String relative) throws IOException {
    Path base = jobFile.getParent();
    Path full = base.resolve(relative).normalize();
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + full.getFileName());
    try (Stream<Path> s = Files.list(full.getParent())) {
      return s.filter(p -> m.matches(p.getFileName())).sorted().toList();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> read(Map<String, Object> source, Path p) throws IOException {
    Map<String, Object> dialect = (Map<String, Object>) source.get("dialect");
    String quote = (String) dialect.get("quote");
    return Extract.read(p, ((String) dialect.get("delimiter")).charAt(0), !quote.isEmpty(),
        Charset.forName((String) dialect.get("encoding")));
  }

  /** The column names a facet mapping refers to. */
  @SuppressWarnings("unchecked")
  private static List<String> columns(Object facet) {
    List<String> out = new ArrayList<>();
    if (!(facet instanceof Map<?, ?> map)) {
      return out;
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
      if (NOT_COLUMNS.contains(e.getKey())) {
        continue;
      }
      if (e.getKey().equals("extras")) {
        out.addAll(columns(e.getValue()));
      } else if (e.getValue() instanceof String column) {
        out.add(column);
      } else if (e.getValue() instanceof Map<?, ?> spec) {
        if (spec.get("column") instanceof String column) {
          out.add(column);
        }
        if (spec.get("columns") instanceof List<?> list) {
          list.forEach(c -> out.add((String) c));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void dateSpecs(Object facet, List<String[]> out) {
    if (!(facet instanceof Map<?, ?> map)) {
      return;
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
      if (e.getKey().equals("extras")) {
        dateSpecs(e.getValue(), out);
      } else if (!e.getKey().equals("full_name") // its format is a name order, not a date pattern
          && e.getValue() instanceof Map<?, ?> spec && spec.get("format") instanceof String format) {
        out.add(new String[] {(String) spec.get("column"), format});
      }
    }
  }
}
