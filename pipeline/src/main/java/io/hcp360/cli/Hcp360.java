package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.db.DatabaseSettings;

public final class Hcp360 {
  public static void main(String[] args) {
    try (Database db = Database.open(DatabaseSettings.embedded(Database.defaultHome()))) {
      System.out.println(db.description());
      String v = db.jdbi().withHandle(h -> h.createQuery("select version()").mapTo(String.class).one()); System.out.println(v);
    }
  }
}
