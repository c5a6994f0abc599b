package io.hcp360.golden;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.run.Progress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.postgresql.copy.CopyManager;

/**
 * Chooses every golden value in one pass over the members of all golden HCPs (sorted by golden
 * ID), and writes them with their lineage (source record, rule, record time) by COPY. One sort
 * of the members instead of one per attribute.
 */
final class SurvivorshipPass {
  private static final int FIRST_VALUE = 8;
  private static final int FLUSH_BYTES = 16 << 20;

  /** One member record: its identity and the values, in the order of Survivorship.COLUMNS. */
  private record Member(int partyId, String system, String sourceId, String lastModified,
      boolean npiValid, boolean nationalIdValid, String[] values) {}

  private final Survivorship rules;
  private final List<String> attributes;
  private final Map<String, Integer> priority = new HashMap<>();

  SurvivorshipPass(Survivorship rules) {
    this.rules = rules;
    this.attributes = List.copyOf(Survivorship.COLUMNS.keySet());
    for (int i = 0; i < rules.sourcePriority().size(); i++) {
      priority.put(rules.sourcePriority().get(i), i);
    }
  }

  /** The golden record's columns, after golden_id, run_id and member_count. */
  private static final List<String> RECORD = List.of("first_name", "middle_name", "last_name",
      "credential", "specialty", "npi", "email", "phone", "city", "postal_code", "country");

  /**
   * Writes the run's golden values (into {@code valueTable}, its partition of hcp.golden_value)
   * and golden records; returns how many golden records.
   *
   * @param memberCount how many party records the golden HCPs have (the progress total)
   */
  long run(Handle handle, long runId, String valueTable, long memberCount) {
    return run(handle, runId, valueTable, memberCount, false);
  }

  /**
   * As {@link #run(Handle, long, String, long)}, for the golden IDs of the temporary table
   * {@code golden_region} only when {@code regionOnly} (an incremental run).
   */
  long run(Handle handle, long runId, String valueTable, long memberCount, boolean regionOnly) {
    Progress progress = Progress.start("golden: survivorship", "party records", memberCount);
    try {
      CopyManager copy = CopyBuffer.copyManager(handle);
      CopyBuffer out = new CopyBuffer(Sql.load(SurvivorshipPass.class, "copy-golden-value")
          .replace("hcp.golden_value", valueTable));
      CopyBuffer records =
          new CopyBuffer(Sql.load(SurvivorshipPass.class, "copy-golden-record"));
      String select = Sql.load(SurvivorshipPass.class, "member-values");
      if (regionOnly) {
        select = select.replace("order by m.golden_id",
            "where m.golden_id in (select golden_id from golden_region)\norder by m.golden_id");
      }
      handle.createQuery(select).setFetchSize(20_000)
          .scanResultSet((supplier, ctx) -> {
            ResultSet rs = supplier.get();
            String current = null;
            List<Member> members = new ArrayList<>();
            while (rs.next()) {
              String golden = rs.getString(1);
              if (current != null && !current.equals(golden)) {
                choose(out, records, runId, current, members);
                members.clear();
                if (out.size() > FLUSH_BYTES) {
                  out.flush(copy);
                  records.flush(copy);
                }
              }
              current = golden;
              String[] values = new String[attributes.size()];
              for (int i = 0; i < values.length; i++) {
                String v = rs.getString(FIRST_VALUE + i);
                values[i] = v == null || v.isBlank() ? null : v;
              }
              members.add(new Member(rs.getInt(2), rs.getString(3), rs.getString(4),
                  rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), values));
              progress.advance(1);
            }
            if (current != null) {
              choose(out, records, runId, current, members);
            }
            return null;
          });
      out.flush(copy);
      records.flush(copy);
      return records.rows();
    } catch (SQLException e) {
      throw new Hcp360Exception("could not write golden values: " + e.getMessage(), e);
    } finally {
      progress.finish();
    }
  }

  private void choose(CopyBuffer out, CopyBuffer records, long runId, String golden,
      List<Member> members) {
    Map<String, String> chosen = new HashMap<>();
    for (int a = 0; a < attributes.size(); a++) {
      String attribute = attributes.get(a);
      Survivorship.Choice choice = rules.attributes().get(attribute);
      Member best = null;
      Map<String, Integer> frequency = choice.rule() == SurvivorshipRule.MOST_FREQUENT
          ? new HashMap<>() : null;
      if (frequency != null) {
        for (Member m : members) {
          if (eligible(m, a, attribute, choice)) {
            frequency.merge(m.values()[a], 1, Integer::sum);
          }
        }
      }
      for (Member m : members) {
        if (eligible(m, a, attribute, choice)
            && (best == null || better(m, best, a, choice.rule(), frequency))) {
          best = m;
        }
      }
      if (best != null) {
        chosen.put(attribute, best.values()[a]);
        out.value(runId).value(golden).value(attribute).value(best.values()[a])
            .value(best.system()).value(best.sourceId())
            .value(choice.rule().key() + (choice.validOnly() ? "+valid_only" : ""))
            .value(best.lastModified());
        out.endRow();
      }
    }
    records.value(golden).value(runId).value(members.size());
    for (String column : RECORD) {
      records.value(chosen.get(column));
    }
    records.value(sources(members));
    records.endRow();
  }

  /** The members' source systems, sorted, as a PostgreSQL array literal. */
  static String sources(List<Member> members) {
    java.util.SortedSet<String> systems = new java.util.TreeSet<>();
    for (Member m : members) {
      systems.add(m.system());
    }
    StringBuilder array = new StringBuilder("{");
    for (String system : systems) {
      if (array.length() > 1) {
        array.append(',');
      }
      array.append('"').append(system.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return array.append('}').toString();
  }

  private static boolean eligible(Member m, int a, String attribute,
      Survivorship.Choice choice) {
    if (m.values()[a] == null) {
      return false;
    }
    if (!choice.validOnly()) {
      return true;
    }
    return attribute.equals("npi") ? m.npiValid() : m.nationalIdValid();
  }

  /** Whether m beats the best so far; ties go to the most recent record, then the lower id. */
  private boolean better(Member m, Member best, int a, SurvivorshipRule rule,
      Map<String, Integer> frequency) {
    int order = switch (rule) {
      case MOST_RECENT -> 0;
      case MOST_COMPLETE -> Integer.compare(m.values()[a].length(), best.values()[a].length());
      case MOST_FREQUENT -> Integer.compare(frequency.get(m.values()[a]),
          frequency.get(best.values()[a]));
      case SOURCE_PRIORITY -> Integer.compare(priority.getOrDefault(best.system(), 1000),
          priority.getOrDefault(m.system(), 1000));
    };
    if (order != 0) {
      return order > 0;
    }
    int recent = compareNullsFirst(m.lastModified(), best.lastModified());
    if (recent != 0) {
      return recent > 0;
    }
    return m.partyId() < best.partyId();
  }

  /** ISO timestamps in one zone compare as text; absent is older than any. */
  private static int compareNullsFirst(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }
}
