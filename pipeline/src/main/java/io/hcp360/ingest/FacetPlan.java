package io.hcp360.ingest;

import io.hcp360.Json;
import io.hcp360.config.Dialect;
import io.hcp360.config.FacetMapping;
import io.hcp360.config.FieldDef;
import io.hcp360.config.FieldMapping;
import io.hcp360.config.NameFormat;
import io.hcp360.config.Unmapped;
import io.hcp360.config.ValueSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One facet's mapping compiled against a file's columns: column indexes resolved once. */
final class FacetPlan {
  private static final List<String> NAME_PARTS =
      List.of("title", "first_name", "middle_name", "last_name", "suffix", "credential");

  private final FacetMapping mapping;
  private final Dialect dialect;
  private final List<Bound> fields = new ArrayList<>();
  private final List<Bound> extras = new ArrayList<>();
  private final Optional<Bound> fullName;
  private final int[] namePartColumns;
  private final int storedFields;
  private final List<FieldDef> required;
  private final int whenPresent;

  private record Bound(FieldMapping mapping, FieldDef def, int[] columns) {}

  FacetPlan(FacetMapping mapping, Dialect dialect, List<String> columns) {
    this.mapping = mapping;
    this.dialect = dialect;
    Bound name = null;
    for (FieldMapping field : mapping.fields()) {
      FieldDef def = mapping.facet().field(field.name()).orElseThrow();
      Bound bound = new Bound(field, def, indexes(field.source(), columns));
      if (def.stored()) {
        fields.add(bound);
      } else {
        name = bound;
      }
    }
    for (FieldMapping extra : mapping.extras()) {
      extras.add(new Bound(extra, null, indexes(extra.source(), columns)));
    }
    this.fullName = Optional.ofNullable(name);
    this.namePartColumns = name == null ? new int[0] : NAME_PARTS.stream()
        .mapToInt(part -> mapping.facet().field(part).orElseThrow().column()).toArray();
    this.storedFields = mapping.facet().storedFields().size();
    this.required = mapping.required().stream()
        .map(field -> mapping.facet().field(field).orElseThrow()).toList();
    this.whenPresent = mapping.whenPresent().map(columns::indexOf).orElse(-1);
  }

  private static int[] indexes(ValueSource source, List<String> columns) {
    return source.columns().stream().mapToInt(c -> {
      int i = columns.indexOf(c);
      if (i < 0) {
        throw new IllegalArgumentException("column " + c + " is not in the file");
      }
      return i;
    }).toArray();
  }

  /** Whether this row carries the facet at all (see {@code when_present}). */
  boolean applies(List<String> row) {
    return whenPresent < 0 || clean(row.get(whenPresent)) != null;
  }

  /** The facet's stored values for a row. */
  String[] values(List<String> row) throws RowRejected {
    String[] values = new String[storedFields];
    for (Bound field : fields) {
      values[field.def().column()] = value(field, row);
    }
    if (fullName.isPresent()) {
      String text = value(fullName.get(), row);
      if (text != null) {
        NameParts parts = NameSplitter.split(
            text, fullName.get().mapping().nameFormat().orElse(NameFormat.AUTO));
        for (int i = 0; i < namePartColumns.length; i++) {
          if (values[namePartColumns[i]] == null) {
            values[namePartColumns[i]] = parts.part(NAME_PARTS.get(i)).orElse(null);
          }
        }
      }
    }
    for (FieldDef def : required) {
      if (values[def.column()] == null) {
        throw new RowRejected("missing required field " + mapping.facet().key() + "."
            + def.name() + origin(def.name()));
      }
    }
    return values;
  }

  /** The extra attributes of a row as a JSON object, absent values left out. */
  String extrasJson(List<String> row) throws RowRejected {
    StringBuilder json = new StringBuilder("{");
    for (Bound extra : extras) {
      String value = value(extra, row);
      if (value != null) {
        if (json.length() > 1) {
          json.append(',');
        }
        Json.string(json, extra.mapping().name());
        json.append(':');
        Json.string(json, value);
      }
    }
    return json.append('}').toString();
  }

  boolean hasExtras() {
    return !extras.isEmpty();
  }

  private String origin(String field) {
    Optional<FieldMapping> direct = mapping.field(field);
    if (direct.isPresent()) {
      return describe(direct.get().source());
    }
    if (NAME_PARTS.contains(field) && fullName.isPresent()) {
      return " (split from full_name" + describe(fullName.get().mapping().source()) + ")";
    }
    return "";
  }

  private static String describe(ValueSource source) {
    return switch (source) {
      case ValueSource.Column c -> " (column " + c.name() + ")";
      case ValueSource.Join j -> " (columns " + String.join(", ", j.columns()) + ")";
      case ValueSource.Constant c -> "";
    };
  }

  private String value(Bound field, List<String> row) throws RowRejected {
    FieldMapping m = field.mapping();
    String value = switch (m.source()) {
      case ValueSource.Constant c -> c.value();
      case ValueSource.Column c -> clean(row.get(field.columns()[0]));
      case ValueSource.Join j -> join(field.columns(), j.separator(), row);
    };
    if (value != null && !m.codes().isEmpty()) {
      String mapped = m.codes().get(value);
      if (mapped != null) {
        value = mapped.isEmpty() ? null : mapped;
      } else if (m.unmapped() == Unmapped.REJECT) {
        throw new RowRejected(m.name() + ": code '" + value + "' is not in its code list");
      } else if (m.unmapped() == Unmapped.BLANK) {
        value = null;
      }
    }
    if (value == null) {
      value = m.defaultValue().orElse(null);
    }
    if (value == null) {
      return null;
    }
    if (field.def() != null && !field.def().allowed().isEmpty()
        && !field.def().allowed().contains(value)) {
      throw new RowRejected(m.name() + ": '" + value + "' is not one of "
          + String.join(", ", field.def().allowed().stream().sorted().toList()));
    }
    return ValueConverter.convert(m, value, dialect.timezone());
  }

  private String join(int[] columns, String separator, List<String> row) {
    StringBuilder joined = new StringBuilder();
    for (int column : columns) {
      String v = clean(row.get(column));
      if (v != null) {
        if (!joined.isEmpty()) {
          joined.append(separator);
        }
        joined.append(v);
      }
    }
    return joined.isEmpty() ? null : joined.toString();
  }

  private String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.strip();
    return dialect.nullValues().contains(trimmed) || trimmed.isEmpty() ? null : trimmed;
  }
}
