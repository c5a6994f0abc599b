package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.testing.TestPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every type the reader reads comes out as JDBC reads it, nulls and edge values included. */
class BinaryCopyReaderIT {
  private static Database db;
  private static Jdbi jdbi;

  @BeforeAll
  static void start() {
    db = TestPostgres.freshDatabase();
    jdbi = db.jdbi();
    jdbi.useHandle(h -> h.execute("""
        create table public.v (i int4, l int8, d float8, b bool, u uuid, t text);
        insert into public.v values
          (1, 9223372036854775807, 'NaN', true, '00112233-4455-6677-8899-aabbccddeeff', 'plain'),
          (-2147483648, -1, '-Infinity', false, 'ffffffff-ffff-ffff-ffff-ffffffffffff',
            'Zoë Müller, 東京'),
          (0, 0, '-0', true, null, null),
          (7, 42, 1e-300 / 3, false, gen_random_uuid(), repeat('long ', 40000))"""));
    // rows of many blocks, so that their tids have large block numbers
    jdbi.useHandle(h -> h.execute("""
        create table public.many (n int, pad text);
        insert into public.many select n, repeat('x', 500) from generate_series(1, 20000) n"""));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void valuesReadAsJdbcReadsThem() {
    List<List<Object>> jdbc = jdbi.withHandle(h -> h.createQuery(
            "select i, l, d, b, u, t from public.v order by l")
        .map((rs, ctx) -> {
          List<Object> row = new ArrayList<>();
          row.add(rs.getInt(1));
          row.add(rs.getLong(2));
          row.add(rs.getDouble(3));
          row.add(rs.getBoolean(4));
          row.add(rs.getObject(5, UUID.class));
          row.add(rs.getString(6));
          return row;
        }).list());
    List<List<Object>> copied = jdbi.withHandle(h -> read(h,
        "select i, l, d, b, u, t from public.v order by l", 6, rows -> {
          List<Object> row = new ArrayList<>();
          row.add(rows.int4());
          row.add(rows.int8());
          row.add(rows.float8());
          row.add(rows.bool());
          row.add(rows.uuid());
          row.add(rows.text());
          return row;
        }));
    assertThat(copied).hasSize(4).isEqualTo(jdbc);
    assertThat(copied).anyMatch(r -> Double.isNaN((Double) r.get(2)));
    assertThat(copied).anyMatch(r -> r.get(5) != null && ((String) r.get(5)).length() > 1 << 16);
    assertThat(copied).anyMatch(r -> r.get(4) == null && r.get(5) == null);
  }

  @Test
  void tidsAreTheRowsCtids() {
    Map<Long, Integer> byTid = new java.util.HashMap<>();
    jdbi.useHandle(h -> read(h, "select ctid, n from public.many", 2,
        rows -> byTid.put(rows.tid(), rows.int4())));
    assertThat(byTid).hasSize(20000);
    // the numbers stand for the ctids the server gives as text
    Map<String, Integer> jdbc = new java.util.HashMap<>();
    jdbi.useHandle(h -> h.createQuery("select ctid::text, n from public.many")
        .map((rs, ctx) -> jdbc.put(rs.getString(1), rs.getInt(2))).list());
    Map<String, Integer> shown = new java.util.HashMap<>();
    byTid.forEach((tid, n) -> shown.put("(" + (tid >>> 16) + "," + (tid & 0xFFFF) + ")", n));
    assertThat(shown).isEqualTo(jdbc);
    assertThat(byTid.keySet()).anyMatch(tid -> tid >>> 16 > 1000);
  }

  @Test
  void literalsKeepQuotesAndBackslashes() throws SQLException {
    String value = "O'Brien \\ \"x\" ; drop table public.v; --";
    String literal = BinaryCopyReader.literal(value);
    List<String> copied = jdbi.withHandle(h -> read(h, "select " + literal + "::text", 1,
        BinaryCopyReader::text));
    assertThat(copied).containsExactly(value);
    int rows = jdbi.withHandle(h -> h.select("select count(*) from public.v")
        .mapTo(Integer.class).one());
    assertThat(rows).isEqualTo(4);
  }

  @Test
  void noRowsAndTheConnectionStaysUsable() throws Exception {
    jdbi.useTransaction(h -> {
      assertThat(read(h, "select i from public.v where false", 1, BinaryCopyReader::int4))
          .isEmpty();
      // closed before its last row: the rest is read and let go, and the transaction goes on
      try (BinaryCopyReader rows = BinaryCopyReader.open(h, "select n from public.many", 1)) {
        assertThat(rows.next()).isTrue();
        rows.int4();
      }
      int many = h.select("select count(*) from public.many").mapTo(Integer.class).one();
      assertThat(many).isEqualTo(20000);
    });
  }

  @Test
  void aFieldOfAnotherTypeOrAMissingFieldFails() {
    assertThatThrownBy(() -> jdbi.useHandle(h -> read(h, "select l from public.v", 1,
        BinaryCopyReader::int4))).hasMessageContaining("where an int4 was expected");
    assertThatThrownBy(() -> jdbi.useHandle(h -> read(h, "select i, l from public.v", 1,
        BinaryCopyReader::int4))).hasMessageContaining("a row of 2 columns, not 1");
    assertThatThrownBy(() -> jdbi.useHandle(h -> read(h, "select null::int4", 1,
        BinaryCopyReader::int4))).hasMessageContaining("a null where an int4 was expected");
  }

  private interface Field<T> {
    T read(BinaryCopyReader rows) throws IOException;
  }

  private static <T> List<T> read(Handle h, String query, int columns, Field<T> field) {
    List<T> values = new ArrayList<>();
    try (BinaryCopyReader rows = BinaryCopyReader.open(h, query, columns)) {
      while (rows.next()) {
        values.add(field.read(rows));
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return values;
  }
}
