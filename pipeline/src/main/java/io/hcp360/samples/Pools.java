package io.hcp360.samples;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The value pools names, places, specialties, brands and events are drawn from, loaded once from
 * the data files beside this class. Immutable after construction.
 */
final class Pools {
  record City(Market market, String name, String region, String postalPrefix, String areaCode) {}

  record Specialty(String label, String nuccCode, String euCode, String altLabel) {}

  record Brand(String name, String product, String specialty) {}

  record Event(String id, String name, Market market, String date) {}

  record Organisation(Market market, String pattern, String domainPattern) {}

  private final Map<Market, Map<Gender, List<String>>> firstNames = new EnumMap<>(Market.class);
  private final Map<Market, List<String>> lastNames = new EnumMap<>(Market.class);
  private final Map<Market, List<City>> cities = new EnumMap<>(Market.class);
  private final Map<Market, List<String>> streets = new EnumMap<>(Market.class);
  private final Map<Market, List<Organisation>> organisations = new EnumMap<>(Market.class);
  private final Map<Market, List<String>> personalDomains = new EnumMap<>(Market.class);
  private final Map<String, List<String>> nicknames = new HashMap<>();
  private final List<Specialty> specialties = new ArrayList<>();
  private final List<Brand> brands = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();

  Pools() {
    for (String[] r : DataFile.rows("first_names.txt", "\\s+")) {
      firstNames
          .computeIfAbsent(Market.valueOf(r[0]), m -> new EnumMap<>(Gender.class))
          .computeIfAbsent(Gender.valueOf(r[1]), g -> new ArrayList<>())
          .add(r[2]);
    }
    for (String[] r : DataFile.rows("last_names.txt", "\\s+", 2)) {
      lastNames.computeIfAbsent(Market.valueOf(r[0]), m -> new ArrayList<>()).add(r[1]);
    }
    for (String[] r : DataFile.rows("cities.txt", "\\|")) {
      Market m = Market.valueOf(r[0]);
      cities.computeIfAbsent(m, k -> new ArrayList<>()).add(new City(m, r[1], r[2], r[3], r[4]));
    }
    for (String[] r : DataFile.rows("streets.txt", "\\|")) {
      streets.computeIfAbsent(Market.valueOf(r[0]), m -> new ArrayList<>()).add(r[1]);
    }
    for (String[] r : DataFile.rows("organisations.txt", "\\|")) {
      Market m = Market.valueOf(r[0]);
      organisations.computeIfAbsent(m, k -> new ArrayList<>()).add(new Organisation(m, r[1], r[2]));
    }
    for (String[] r : DataFile.rows("personal_domains.txt", "\\|")) {
      personalDomains.computeIfAbsent(Market.valueOf(r[0]), m -> new ArrayList<>()).add(r[1]);
    }
    for (String[] r : DataFile.rows("nicknames.txt", "\\s+")) {
      nicknames.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
    }
    for (String[] r : DataFile.rows("specialties.txt", "\\|")) {
      specialties.add(new Specialty(r[0], r[1], r[2], r[3]));
    }
    for (String[] r : DataFile.rows("brands.txt", "\\|")) {
      brands.add(new Brand(r[0], r[1], r[2]));
    }
    for (String[] r : DataFile.rows("events.txt", "\\|")) {
      events.add(new Event(r[0], r[1], Market.valueOf(r[2]), r[3]));
    }
  }

  static <T> T pick(List<T> list, RandomGenerator rng) {
    return list.get(rng.nextInt(list.size()));
  }

  String firstName(Market m, Gender g, RandomGenerator rng) {
    return pick(firstNames.get(m).get(g), rng);
  }

  String lastName(Market m, RandomGenerator rng) {
    return pick(lastNames.get(m), rng);
  }

  City city(Market m, RandomGenerator rng) {
    return pick(cities.get(m), rng);
  }

  String street(Market m, RandomGenerator rng) {
    return pick(streets.get(m), rng);
  }

  Organisation organisation(Market m, RandomGenerator rng) {
    return pick(organisations.get(m), rng);
  }

  String personalDomain(Market m, RandomGenerator rng) {
    return pick(personalDomains.get(m), rng);
  }

  /** The nicknames of a given name; empty when it has none. */
  List<String> nicknames(String firstName) {
    return nicknames.getOrDefault(firstName, List.of());
  }

  /** Every (formal, nickname) pair, for checks. */
  Map<String, List<String>> allNicknames() {
    return Map.copyOf(nicknames);
  }

  List<Specialty> specialties() {
    return List.copyOf(specialties);
  }

  Specialty specialty(String label) {
    for (Specialty s : specialties) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no specialty " + label);
  }

  List<Brand> brands() {
    return List.copyOf(brands);
  }

  List<Event> events() {
    return List.copyOf(events);
  }
}
