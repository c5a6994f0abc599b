package io.hcp360.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code dialect:} block over a base dialect (the system's, or the default). */
final class DialectParser {
  private static final Set<String> KEYS =
      Set.of(
          "delimiter", "quote", "escape", "encoding", "header", "columns", "null_values",
          "timezone", "multiline");

  private DialectParser() {}

  static Dialect parse(YamlNode node, Dialect base) {
    Map<String, YamlNode> entries = node.entries("dialect", KEYS);
    char delimiter = base.delimiter();
    Optional<Character> quote = base.quote();
    Optional<Character> escape = base.escape();
    Charset encoding = base.encoding();
    boolean header = base.header();
    List<String> columns = base.columns();
    Set<String> nullValues = base.nullValues();
    ZoneId timezone = base.timezone();
    boolean multiline = base.multiline();
    for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
      YamlNode value = e.getValue();
      switch (e.getKey()) {
        case "delimiter" -> delimiter = character(value, "delimiter").orElse(delimiter);
        case "quote" -> quote = optionalCharacter(value, "quote", quote);
        case "escape" -> escape = optionalCharacter(value, "escape", escape);
        case "encoding" -> encoding = value.text("encoding").flatMap(t -> charset(value, t))
            .orElse(encoding);
        case "header" -> header = value.bool("header").orElse(header);
        case "columns" -> columns = value.texts("columns");
        case "null_values" -> nullValues = Set.copyOf(value.texts("null_values"));
        case "timezone" -> timezone = value.text("timezone").flatMap(t -> zone(value, t))
            .orElse(timezone);
        case "multiline" -> multiline = value.bool("multiline").orElse(multiline);
        default -> throw new IllegalStateException(e.getKey());
      }
    }
    return new Dialect(
        delimiter, quote, escape, encoding, header, columns, nullValues, timezone, multiline);
  }

  private static Optional<Character> character(YamlNode node, String what) {
    Optional<String> text = node.text(what).map(DialectParser::unescape);
    if (text.isPresent() && text.get().length() != 1) {
      node.problem(what + " must be one character, not '" + text.get() + "'");
      return Optional.empty();
    }
    return text.map(t -> t.charAt(0));
  }

  private static Optional<Character> optionalCharacter(
      YamlNode node, String what, Optional<Character> previous) {
    Optional<String> text = node.text(what);
    if (text.isPresent() && text.get().isEmpty()) {
      return Optional.empty();
    }
    Optional<Character> c = character(node, what);
    return c.isPresent() ? c : previous;
  }

  private static String unescape(String text) {
    return switch (text) {
      case "\\t", "tab" -> "\t";
      case "\\\\" -> "\\";
      default -> text;
    };
  }

  private static Optional<Charset> charset(YamlNode node, String name) {
    try {
      Charset charset = Charset.forName(name);
      if (!charset.newEncoder().canEncode('\n')
          || charset.encode("\n").limit() != 1
          || charset.equals(StandardCharsets.UTF_16)) {
        node.problem("encoding " + name + " is not supported: use an ASCII-compatible encoding"
            + " (UTF-8, ISO-8859-1, windows-1252, ...)");
        return Optional.empty();
      }
      return Optional.of(charset);
    } catch (IllegalArgumentException e) {
      node.problem("unknown encoding '" + name + "' (for example UTF-8, ISO-8859-1, windows-1252)");
      return Optional.empty();
    }
  }

  private static Optional<ZoneId> zone(YamlNode node, String name) {
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException e) {
      node.problem("unknown time zone '" + name + "' (for example UTC, Europe/Paris)");
      return Optional.empty();
    }
  }
}
