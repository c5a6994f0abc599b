package io.hcp360.db;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** SQL kept in {@code .sql} files beside the class that runs it. */
public final class Sql {
  private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.create();

  private Sql() {}

  /** The text of {@code <owner's package>/<name>.sql}. */
  public static String load(Class<?> owner, String name) {
    String path = owner.getPackageName().replace('.', '/') + "/" + name + ".sql";
    return LOCATOR.getResource(owner.getClassLoader(), path);
  }
}
