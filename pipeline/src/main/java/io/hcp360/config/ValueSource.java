package io.hcp360.config;

import java.util.List;
import java.util.Objects;

/** Where a mapped value comes from in a source row. */
public sealed interface ValueSource {

  /** The columns this source reads (none for a constant). */
  List<String> columns();

  /** The value of one column. */
  record Column(String name) implements ValueSource {
    public Column {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public List<String> columns() {
      return List.of(name);
    }
  }

  /** The same value on every row. */
  record Constant(String value) implements ValueSource {
    public Constant {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public List<String> columns() {
      return List.of();
    }
  }

  /** The non-blank values of several columns, joined by a separator. */
  record Join(List<String> columns, String separator) implements ValueSource {
    public Join {
      columns = List.copyOf(columns);
      Objects.requireNonNull(separator, "separator");
    }
  }
}
