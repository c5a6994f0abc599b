package io.hcp360.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The catalogue queries and DDL behind {@link SuspendedIndexes}. */
interface IndexDao {

  /** A table's index, and the constraint it backs (primary key, unique) if any. */
  record Index(String name, String definition, String constraint, String constraintDefinition) {}

  @SqlQuery("""
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition,
             c.conname as constraint, pg_get_constraintdef(c.oid) as constraint_definition
      from pg_index i
      left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
      where i.indrelid = cast(:table as regclass)
      order by 1""")
  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Index.class)
  List<Index> indexes(@Bind("table") String table);

  @SqlQuery("""
      select exists (select 1 from pg_constraint
                     where confrelid = cast(:table as regclass) and contype = 'f')""")
  boolean referenced(@Bind("table") String table);

  @SqlUpdate("drop index <index>")
  void dropIndex(@Define("index") String index);

  @SqlUpdate("alter table <table> drop constraint <constraint>")
  void dropConstraint(@Define("table") String table, @Define("constraint") String constraint);

  @SqlUpdate("<definition>")
  void create(@Define("definition") String definition);

  @SqlUpdate("alter table <table> add constraint <constraint> <definition>")
  void addConstraint(@Define("table") String table, @Define("constraint") String constraint,
      @Define("definition") String definition);

  @SqlUpdate("set local maintenance_work_mem = '512MB'")
  void buildMemory();

  @SqlUpdate("analyze <table>")
  void analyze(@Define("table") String table);
}
