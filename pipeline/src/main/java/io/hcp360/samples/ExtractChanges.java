package io.hcp360.samples;

import io.hcp360.Hcp360Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Changes a share of the party rows of generated extracts, as the next night's extracts differ
 * from tonight's: of the rows picked, a third are edited (one letter of a name, address or email
 * replaced), a third are deleted, and a third are copied under a new source id (the same person
 * registered again, which the matcher should join to the original). {@link #applyToActivities}
 * does the same to activity rows. Rows are handled as bytes (ISO-8859-1 in, the same bytes out),
 * so every file keeps its encoding; rows with an odd number of quotes (broken on purpose) are
 * left alone. The same seed gives the same changes.
 */
public final class ExtractChanges {
  /** The generated files that hold party rows only (one row per source record). */
  static final List<String> PARTY_FILES =
      List.of("crm/accounts.csv", "mdm/hcp_master.txt", "email/subscribers.csv");

  /** The generated files of CRM calls and email events (one row per activity). */
  static final List<String> ACTIVITY_FILES = List.of("crm/calls_202501.csv",
      "crm/calls_202502.csv", "crm/calls_202503.csv", "crm/calls_202504.csv",
      "crm/calls_202505.csv", "crm/calls_202506.csv", "email/events.csv");

  /** How many rows were edited, deleted and added. */
  public record Result(int edited, int deleted, int added) {
    public int total() {
      return edited + deleted + added;
    }
  }

  private ExtractChanges() {}

  /**
   * @param dir the folder the generator wrote
   * @param rows how many party rows to change in all
   */
  public static Result apply(Path dir, int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5eedc4a9e5L);
    List<List<String>> files = readAll(dir, PARTY_FILES);
    double share = share(files, rows);
    int edited = 0;
    int deleted = 0;
    int added = 0;
    for (int f = 0; f < files.size(); f++) {
      List<String> lines = files.get(f);
      List<String> out = new ArrayList<>(lines.size() + 16);
      List<String> copies = new ArrayList<>();
      out.add(lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (rng.nextDouble() >= share || quotes(line) % 2 != 0 || line.isBlank()) {
          out.add(line);
          continue;
        }
        switch ((edited + deleted + added) % 3) {
          case 0 -> {
            out.add(edit(line, rng));
            edited++;
          }
          case 1 -> deleted++;
          default -> {
            out.add(line);
            copies.add(newId(line, added));
            added++;
          }
        }
      }
      out.addAll(copies);
      write(dir.resolve(PARTY_FILES.get(f)), out);
    }
    return new Result(edited, deleted, added);
  }

  /**
   * Changes a share of the activity rows (calls and email events) in five ways, in turn: one
   * letter edited (a product, channel, status or campaign changed, or a date made unreadable),
   * the row moved to a source record that does not exist, the row delivered again at the end of
   * its file (the same activity twice: the copy read last is kept), the row copied under a new
   * activity id (a new activity), the file's last row deleted (rows are deleted from the end so
   * that the others keep their line numbers).
   *
   * @param rows how many activity rows to change in all
   */
  public static Result applyToActivities(Path dir, int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0xac7171e5L);
    List<List<String>> files = readAll(dir, ACTIVITY_FILES);
    double share = share(files, rows);
    int edited = 0;
    int deleted = 0;
    int added = 0;
    int n = 0;
    for (int f = 0; f < files.size(); f++) {
      List<String> lines = files.get(f);
      List<String> out = new ArrayList<>(lines);
      List<String> copies = new ArrayList<>();
      int deletions = 0;
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (rng.nextDouble() >= share || quotes(line) % 2 != 0 || line.isBlank()) {
          continue;
        }
        switch (n++ % 5) {
          case 0 -> {
            out.set(i, edit(line, rng));
            edited++;
          }
          case 1 -> {
            out.set(i, unknownRecord(line));
            edited++;
          }
          case 2 -> {
            copies.add(line);
            added++;
          }
          case 3 -> {
            copies.add(newId(line, added));
            added++;
          }
          default -> deletions++;
        }
      }
      int keep = Math.max(1, out.size() - deletions);
      deleted += out.size() - keep;
      out = new ArrayList<>(out.subList(0, keep));
      out.addAll(copies);
      write(dir.resolve(ACTIVITY_FILES.get(f)), out);
    }
    return new Result(edited, deleted, added);
  }

  /** The row with its second field (the source record's id) given a value no record has. */
  private static String unknownRecord(String line) {
    int first = firstFieldEnd(line);
    int end = first + 1 + firstFieldEnd(line.substring(first + 1));
    int insert = end > 0 && line.charAt(end - 1) == '"' ? end - 1 : end;
    return line.substring(0, insert) + "X" + line.substring(insert);
  }

  /** Replaces one letter after the first field with another letter of the same case. */
  private static String edit(String line, SplittableRandom rng) {
    int from = firstFieldEnd(line);
    List<Integer> letters = new ArrayList<>();
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letters.add(i);
      }
    }
    if (letters.isEmpty()) {
      return line + " ";
    }
    int at = letters.get(rng.nextInt(letters.size()));
    char c = line.charAt(at);
    char base = Character.isUpperCase(c) ? 'A' : 'a';
    char replaced = (char) (base + (c - base + 1 + rng.nextInt(25)) % 26);
    return line.substring(0, at) + replaced + line.substring(at + 1);
  }

  /** The row with its first field (the source id) given a new value. */
  private static String newId(String line, int n) {
    int end = firstFieldEnd(line);
    int insert = end > 0 && line.charAt(end - 1) == '"' ? end - 1 : end;
    return line.substring(0, insert) + "N" + n + line.substring(insert);
  }

  private static int firstFieldEnd(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ',' || c == '|' || c == '\t') {
        return i;
      }
    }
    return line.length();
  }

  private static int quotes(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      n += line.charAt(i) == '"' ? 1 : 0;
    }
    return n;
  }

  private static List<List<String>> readAll(Path dir, List<String> names) {
    List<List<String>> files = new ArrayList<>();
    for (String name : names) {
      files.add(read(dir.resolve(name)));
    }
    return files;
  }

  /** The share of the files' rows (headers aside) that makes {@code rows}. */
  private static double share(List<List<String>> files, int rows) {
    int total = files.stream().mapToInt(lines -> lines.size() - 1).sum();
    return Math.min(1.0, (double) rows / Math.max(1, total));
  }

  private static List<String> read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    } catch (IOException e) {
      throw new Hcp360Exception("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, List<String> lines) {
    try {
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new Hcp360Exception("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
