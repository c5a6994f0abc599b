package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.TestPostgres;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** Look-ups for one statement: its joins planned without hashing, the next ones as usual. */
class IndexLookupsIT {

  private static List<String> joins(Handle h) {
    return List.of(h.select("show enable_hashjoin").mapTo(String.class).one(),
        h.select("show enable_mergejoin").mapTo(String.class).one());
  }

  @Test
  void oneStatementForFewRowsThenThePlannersOwnChoiceAgain() {
    try (Database db = TestPostgres.freshDatabase()) {
      db.jdbi().useTransaction(h -> {
        List<String> during = IndexLookups.forStatement(h, IndexLookups.FEW, () -> joins(h));
        assertThat(during).containsExactly("off", "off");
        assertThat(joins(h)).containsExactly("on", "on");
        List<String> many = IndexLookups.forStatement(h, IndexLookups.FEW + 1, () -> joins(h));
        assertThat(many).as("more rows than few: planned as usual").containsExactly("on", "on");
      });
      // and the transaction's end leaves nothing behind
      db.jdbi().useHandle(h -> assertThat(joins(h)).containsExactly("on", "on"));
    }
  }
}
