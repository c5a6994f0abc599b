package io.hcp360.steward;

import io.hcp360.Json;
import java.util.Map;

/** Builds the small JSON objects the audit trail stores (before / after). */
final class JsonText {
  private final StringBuilder out = new StringBuilder("{");

  JsonText put(String key, Object value) {
    if (out.length() > 1) {
      out.append(',');
    }
    string(key);
    out.append(':');
    value(value);
    return this;
  }

  /** A value already written as JSON. */
  JsonText raw(String key, String json) {
    if (out.length() > 1) {
      out.append(',');
    }
    string(key);
    out.append(':').append(json == null ? "null" : json);
    return this;
  }

  @Override
  public String toString() {
    return out + "}";
  }

  private void value(Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()));
        out.append(':');
        value(e.getValue());
      }
      out.append('}');
    } else if (value instanceof JsonText json) {
      out.append(json);
    } else {
      string(value.toString());
    }
  }

  private void string(String s) {
    Json.string(out, s);
  }
}
