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
 * registered again, which the matcher should join to the original). Rows are handled as bytes
 * (ISO-8859-1 in, the same bytes out), so every file keeps its encoding; rows with an odd
 * number of quotes (broken on purpose) are left alone. The same seed gives the same changes.
 */
public final class ExtractChanges {
  /** The generated files that hold party rows only (one row per source record). */
  static final List<String> PARTY_FILES =
      List.of("crm/accounts.csv", "mdm/hcp_master.txt", "email/subscribers.csv");

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
    List<List<String>> files = new ArrayList<>();
    int total = 0;
    for (String name : PARTY_FILES) {
      List<String> lines = read(dir.resolve(name));
      files.add(lines);
      total += lines.size() - 1;
    }
    double share = Math.min(1.0, (double) rows / Math.max(1, total));
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
