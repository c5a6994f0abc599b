package io.hcp360.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hcp360.testing.TestPostgres;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SuspendedIndexesIT {
  private static Database db;
  private static Jdbi jdbi;

  @BeforeAll
  static void start() {
    db = TestPostgres.freshDatabase();
    jdbi = db.jdbi();
    jdbi.useHandle(h -> h.execute("""
        create table public.t (a int primary key, b text, c text unique);
        create index t_b on public.t (b) where b <> 'x';
        create table public.parent (id int primary key);
        create table public.child (id int references public.parent (id))"""));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void indexesAreDroppedForTheLoadAndBuiltAgainTheSame() {
    List<String> before = definitions("t");
    jdbi.useTransaction(h -> {
      try (SuspendedIndexes suspended = SuspendedIndexes.of(h, "public.t")) {
        assertThat(definitions(h, "t")).isEmpty();
        h.execute("insert into public.t select i, 'b' || i, 'c' || i"
            + " from generate_series(1, 1000) i");
      }
    });
    assertThat(definitions("t")).containsExactlyElementsOf(before).hasSize(3);
    int rows = jdbi.withHandle(h -> h.createQuery("select count(*) from public.t")
        .mapTo(Integer.class).one());
    assertThat(rows).isEqualTo(1000);
  }

  @Test
  void aDuplicateStillFailsTheTransactionWhenTheKeyIsBuilt() {
    assertThatThrownBy(() -> jdbi.useTransaction(h -> {
      try (SuspendedIndexes suspended = SuspendedIndexes.of(h, "public.t")) {
        h.execute("insert into public.t values (-1, 'x', 'dup'), (-2, 'y', 'dup')");
      }
    })).hasMessageContaining("dup");
    assertThat(definitions("t")).hasSize(3);
  }

  @Test
  void aTableThatAForeignKeyRefersToKeepsItsIndexes() {
    jdbi.useTransaction(h -> {
      try (SuspendedIndexes suspended = SuspendedIndexes.of(h, "public.parent")) {
        assertThat(definitions(h, "parent")).hasSize(1);
      }
    });
  }

  private static List<String> definitions(String table) {
    return jdbi.withHandle(h -> definitions(h, table));
  }

  private static List<String> definitions(Handle h, String table) {
    return h.createQuery("select indexdef from pg_indexes where tablename = :t order by 1")
        .bind("t", table).mapTo(String.class).list();
  }
}
