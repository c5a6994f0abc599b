package io.hcp360.config;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one field spec: a column name, or a mapping with column/constant/columns and options. */
final class FieldMappingParser {
  private static final Set<String> KEYS =
      Set.of("column", "constant", "columns", "join", "format", "map", "unmapped", "default");
  private static final Set<String> EXTRA_KEYS = union(KEYS, Set.of("type"));

  private FieldMappingParser() {}

  /** A canonical field's mapping. */
  static Optional<FieldMapping> field(FieldDef def, YamlNode node) {
    return parse(def.name(), def.type(), def.allowed(), node, KEYS);
  }

  /** An extra attribute's mapping; its type is {@code text} unless it says otherwise. */
  static Optional<FieldMapping> extra(String name, YamlNode node) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      node.problem("extra attribute name '" + name
          + "' must be lower case letters, digits and _ (for example date_of_birth)");
    }
    ValueType type = ValueType.TEXT;
    if (node.isMapping()) {
      YamlNode typeNode = node.entries("extra " + name).get("type");
      if (typeNode != null) {
        Optional<String> text = typeNode.text("type");
        Optional<ValueType> parsed = text.flatMap(FieldMappingParser::extraType);
        if (text.isPresent() && parsed.isEmpty()) {
          typeNode.problem("type must be text, date, timestamp or integer, not '" + text.get() + "'");
        }
        type = parsed.orElse(type);
      }
    }
    return parse(name, type, Set.of(), node, EXTRA_KEYS);
  }

  private static Optional<ValueType> extraType(String text) {
    return switch (text) {
      case "text" -> Optional.of(ValueType.TEXT);
      case "date" -> Optional.of(ValueType.DATE);
      case "timestamp" -> Optional.of(ValueType.TIMESTAMP);
      case "integer" -> Optional.of(ValueType.INTEGER);
      default -> Optional.empty();
    };
  }

  private static Optional<FieldMapping> parse(
      String name, ValueType type, Set<String> allowed, YamlNode node, Set<String> keys) {
    if (node.isScalar()) {
      return node.text(name)
          .map(column -> mapping(name, type, new ValueSource.Column(column), node.line()));
    }
    Map<String, YamlNode> entries = node.entries(name, keys);
    int sources = (entries.containsKey("column") ? 1 : 0)
        + (entries.containsKey("constant") ? 1 : 0)
        + (entries.containsKey("columns") ? 1 : 0);
    if (sources != 1) {
      node.problem(name + " needs exactly one of column, constant or columns");
      return Optional.empty();
    }
    Optional<ValueSource> source = source(name, entries);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Optional<DateTimeFormatter> format = Optional.empty();
    Optional<String> pattern = Optional.empty();
    Optional<NameFormat> nameFormat = Optional.empty();
    YamlNode formatNode = entries.get("format");
    if (formatNode != null) {
      pattern = formatNode.text("format");
      if (type == ValueType.NAME) {
        nameFormat = pattern.flatMap(NameFormat::parse);
        if (pattern.isPresent() && nameFormat.isEmpty()) {
          formatNode.problem("the format of " + name
              + " must be last_first, first_last or auto, not '" + pattern.get() + "'");
        }
      } else if (type.isTemporal()) {
        format = pattern.flatMap(p -> temporal(formatNode, p));
      } else {
        formatNode.problem(name + " is not a date or timestamp; format applies to those only");
      }
    }
    Map<String, String> codes = new LinkedHashMap<>();
    YamlNode mapNode = entries.get("map");
    if (mapNode != null) {
      mapNode.entries("map of " + name).forEach((code, value) ->
          value.text("the value of code " + code).ifPresent(v -> {
            if (!v.isEmpty() && !allowed.isEmpty() && !allowed.contains(v)) {
              value.problem("'" + v + "' is not a value of " + name + " (allowed: "
                  + String.join(", ", allowed.stream().sorted().toList()) + ")"
                  + Problems.didYouMean(v, allowed));
            }
            codes.put(code, v);
          }));
    }
    Unmapped unmapped = Unmapped.KEEP;
    YamlNode unmappedNode = entries.get("unmapped");
    if (unmappedNode != null) {
      Optional<String> text = unmappedNode.text("unmapped");
      switch (text.orElse("keep")) {
        case "keep" -> unmapped = Unmapped.KEEP;
        case "reject" -> unmapped = Unmapped.REJECT;
        case "blank" -> unmapped = Unmapped.BLANK;
        default -> unmappedNode.problem("unmapped must be keep, reject or blank");
      }
    }
    Optional<String> defaultValue =
        Optional.ofNullable(entries.get("default")).flatMap(d -> d.text("default"));
    if (source.get() instanceof ValueSource.Constant constant
        && !allowed.isEmpty() && !allowed.contains(constant.value())) {
      entries.get("constant").problem("'" + constant.value() + "' is not a value of " + name
          + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"
          + Problems.didYouMean(constant.value(), allowed));
    }
    return Optional.of(new FieldMapping(name, type, source.get(), format, pattern, nameFormat,
        codes, unmapped, defaultValue, node.line()));
  }

  private static Optional<ValueSource> source(String name, Map<String, YamlNode> entries) {
    if (entries.containsKey("column")) {
      return entries.get("column").text("column").map(ValueSource.Column::new);
    }
    if (entries.containsKey("constant")) {
      return entries.get("constant").text("constant").map(ValueSource.Constant::new);
    }
    List<String> columns = entries.get("columns").texts("columns");
    String separator = Optional.ofNullable(entries.get("join"))
        .flatMap(j -> j.text("join")).orElse(" ");
    if (columns.isEmpty()) {
      entries.get("columns").problem(name + ": columns must list at least one column");
      return Optional.empty();
    }
    return Optional.of(new ValueSource.Join(columns, separator));
  }

  private static Optional<DateTimeFormatter> temporal(YamlNode node, String pattern) {
    try {
      return Optional.of(Temporals.strict(pattern));
    } catch (IllegalArgumentException e) {
      node.problem("'" + pattern + "' is not a valid date pattern (" + e.getMessage()
          + "); examples: dd/MM/yyyy, yyyy-MM-dd'T'HH:mm:ssXXX, MM/dd/yyyy hh:mm a");
      return Optional.empty();
    }
  }

  private static FieldMapping mapping(String name, ValueType type, ValueSource source, int line) {
    return new FieldMapping(name, type, source, Optional.empty(), Optional.empty(),
        type == ValueType.NAME ? Optional.of(NameFormat.AUTO) : Optional.empty(),
        Map.of(), Unmapped.KEEP, Optional.empty(), line);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
