package io.hcp360.consent;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The evidence column: [{source, source_id, file, line, status, stated_at}], as JSON. */
final class EvidenceJson {
  private EvidenceJson() {}

  static String of(List<ConsentFact> facts) {
    StringBuilder out = new StringBuilder(64 + 160 * facts.size()).append('[');
    for (ConsentFact f : facts) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append("{\"source\":");
      string(out, f.source());
      out.append(",\"source_id\":");
      string(out, f.sourceId());
      out.append(",\"file\":");
      string(out, f.file());
      out.append(",\"line\":").append(f.line()).append(",\"status\":");
      string(out, f.status());
      out.append(",\"stated_at\":");
      if (f.statedAt() == null) {
        out.append("null");
      } else {
        string(out, DateTimeFormatter.ISO_INSTANT.format(f.statedAt()));
      }
      out.append('}');
    }
    return out.append(']').toString();
  }

  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
