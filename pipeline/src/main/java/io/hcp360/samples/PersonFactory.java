package io.hcp360.samples;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Makes the real persons, one after another. A few are look-alikes of a person made shortly
 * before: a namesake in another city, a spouse at the same practice, or a father (Sr) and son
 * (Jr) in the same city. Only a short window of recent persons is kept.
 */
final class PersonFactory {
  private static final int WINDOW = 64;
  private static final int NAMESAKE_PCT = 3;
  private static final int SPOUSE_PCT = 3;
  private static final int FATHER_SON_PCT = 2;
  private static final int MOVED_PCT = 15;
  private static final int MARRIED_NAME_PCT = 14;

  private final Pools pools;
  private final Places places;
  private final Identifiers ids;
  private final RandomGenerator rng;
  private final ArrayDeque<Person> pending = new ArrayDeque<>();
  private final List<Person> recent = new ArrayList<>();
  private long made;

  PersonFactory(Pools pools, Identifiers ids, RandomGenerator rng) {
    this.pools = pools;
    this.places = new Places(pools);
    this.ids = ids;
    this.rng = rng;
  }

  Person next() {
    Person p = pending.isEmpty() ? make() : pending.poll();
    if (recent.size() == WINDOW) {
      recent.set((int) (made % WINDOW), p);
    } else {
      recent.add(p);
    }
    made++;
    return p;
  }

  private String nextId() {
    return String.format(Locale.ROOT, "P%07d", made + pending.size() + 1);
  }

  private Person make() {
    int roll = rng.nextInt(100);
    if (recent.isEmpty() || roll >= NAMESAKE_PCT + SPOUSE_PCT + FATHER_SON_PCT) {
      return fresh(nextId(), Market.pick(rng), rng.nextBoolean() ? Gender.M : Gender.F).build();
    }
    Person base = Pools.pick(recent, rng);
    if (roll < NAMESAKE_PCT) {
      return namesake(base);
    }
    if (roll < NAMESAKE_PCT + SPOUSE_PCT) {
      return spouse(base);
    }
    return fatherAndSon(base.market());
  }

  private Person namesake(Person base) {
    Draft d = fresh(nextId(), base.market(), base.gender());
    d.first = base.firstName();
    d.last = base.lastName();
    d.maiden = "";
    while (d.address.city().name().equals(base.address().city().name())) {
      d.address = places.address(base.market(), rng);
    }
    d.lookAlike = Person.LookAlike.NAMESAKE;
    d.systems |= addressedSystem(base);
    d.refreshEmails();
    return d.build();
  }

  private Person spouse(Person base) {
    Draft d = fresh(nextId(), base.market(), base.gender().other());
    d.last = base.lastName();
    d.maiden = d.gender == Gender.F && rng.nextBoolean() ? pools.lastName(d.market, rng) : "";
    d.address = base.address();
    d.oldAddress = null;
    d.phoneArea = base.phoneArea();
    d.phoneNumber = base.phoneNumber();
    d.organisation = base.organisation();
    d.lookAlike = Person.LookAlike.SPOUSE;
    d.systems |= addressedSystem(base);
    d.refreshEmails();
    return d.build();
  }

  private Person fatherAndSon(Market m) {
    Draft father = fresh(nextId(), m, Gender.M);
    father.suffix = "Sr";
    father.maiden = "";
    father.birth = LocalDate.of(1942 + rng.nextInt(16), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
    father.lookAlike = Person.LookAlike.FATHER;
    father.systems |= SourceSystem.CRM.bit();
    Person dad = father.build();
    Draft son = fresh(nextId(), m, Gender.M);
    son.id = String.format(Locale.ROOT, "P%07d", made + 2);
    son.first = dad.firstName();
    son.last = dad.lastName();
    son.suffix = "Jr";
    son.maiden = "";
    son.birth = LocalDate.of(1972 + rng.nextInt(18), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
    son.address = rng.nextBoolean() ? dad.address() : places.address(dad.address().city(), rng);
    son.lookAlike = Person.LookAlike.SON;
    son.systems |= SourceSystem.CRM.bit();
    son.refreshEmails();
    pending.add(son.build());
    return dad;
  }

  /** A system with addresses the base person is in, so a look-alike is seen beside it. */
  private static int addressedSystem(Person base) {
    for (SourceSystem s : new SourceSystem[] {SourceSystem.CRM, SourceSystem.MDM, SourceSystem.SAMPLES}) {
      if (base.in(s)) {
        return s.bit();
      }
    }
    return SourceSystem.CRM.bit();
  }

  private Draft fresh(String id, Market m, Gender g) {
    Draft d = new Draft();
    d.id = id;
    d.market = m;
    d.gender = g;
    d.first = pools.firstName(m, g, rng);
    int middlePct = switch (m) {
      case US -> 65;
      case GB -> 40;
      case ES -> 30;
      case DE, FR -> 20;
    };
    d.middle = rng.nextInt(100) < middlePct ? pools.firstName(m, g, rng) : "";
    if (d.middle.equals(d.first)) {
      d.middle = "";
    }
    d.last = pools.lastName(m, rng);
    if (m == Market.ES && rng.nextInt(100) < 70) {
      d.last = d.last + " " + pools.lastName(m, rng); // both surnames, father's then mother's
    }
    d.maiden = "";
    if (g == Gender.F && m != Market.ES && rng.nextInt(100) < MARRIED_NAME_PCT) {
      d.maiden = d.last;
      while (d.last.equals(d.maiden)) {
        d.last = pools.lastName(m, rng);
      }
    }
    d.suffix = "";
    d.specialty = specialty(m);
    d.credential = credential(m, d.specialty);
    d.npi = m == Market.US ? ids.npi() : "";
    d.registryId = m == Market.US ? d.npi : ids.registryId(m);
    d.address = places.address(m, rng);
    d.stateLicence = m == Market.US ? ids.stateLicence(d.address.city().region()) : "";
    if (rng.nextInt(100) < MOVED_PCT) {
      d.oldAddress = rng.nextBoolean() ? places.address(m, rng) : places.address(d.address.city(), rng);
    }
    d.phoneArea = d.address.city().areaCode();
    d.phoneNumber = Places.subscriber(m, d.phoneArea, rng);
    Pools.Organisation org = pools.organisation(m, rng);
    d.organisation = org.pattern().replace("{city}", d.address.city().name());
    d.domain = org.domainPattern().replace("{slug}", ascii(d.address.city().name()).replaceAll("[^a-z]", ""));
    d.personalDomain = pools.personalDomain(m, rng);
    d.birth = LocalDate.of(1950 + rng.nextInt(43), 1 + rng.nextInt(12), 1 + rng.nextInt(28));
    d.systems = SourceSystem.pickSet(rng);
    d.lookAlike = Person.LookAlike.NONE;
    d.refreshEmails();
    return d;
  }

  private Pools.Specialty specialty(Market m) {
    List<Pools.Specialty> all = pools.specialties();
    int r = rng.nextInt(100);
    if (m == Market.US && r < 8) {
      return pools.specialty("Nurse Practitioner");
    }
    if (m == Market.US && r < 14) {
      return pools.specialty("Physician Assistant");
    }
    if (r >= 94) {
      return pools.specialty("Pharmacy");
    }
    return all.get(rng.nextInt(all.size() - 3)); // the physician specialties come first
  }

  private String credential(Market m, Pools.Specialty s) {
    return switch (s.label()) {
      case "Nurse Practitioner" -> "NP";
      case "Physician Assistant" -> "PA";
      case "Pharmacy" -> "PharmD";
      default -> switch (m) {
        case US -> rng.nextInt(100) < 80 ? "MD" : "DO";
        case DE -> rng.nextInt(100) < 75 ? "Dr. med." : "Arzt";
        case FR -> "Dr";
        case ES -> "Dr.";
        case GB -> rng.nextBoolean() ? "MBBS" : "FRCP";
      };
    };
  }

  /** Lower-case ASCII of a name: accents dropped, German umlauts spelled out. */
  static String ascii(String s) {
    String t = s.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  /** A person under construction. */
  private final class Draft {
    String id;
    Market market;
    Gender gender;
    String first;
    String middle;
    String last;
    String maiden;
    String suffix;
    Pools.Specialty specialty;
    String credential;
    String npi;
    String registryId;
    String stateLicence;
    Address address;
    Address oldAddress;
    String phoneArea;
    String phoneNumber;
    String organisation;
    String domain;
    String personalDomain;
    String workEmail;
    String personalEmail;
    LocalDate birth;
    int systems;
    Person.LookAlike lookAlike;

    void refreshEmails() {
      String f = ascii(first).replaceAll("[^a-z]", "");
      String l = ascii(last).replaceAll("[^a-z]", "");
      workEmail = rng.nextInt(4) == 0 ? f.charAt(0) + l + "@" + domain : f + "." + l + "@" + domain;
      personalEmail = f + (rng.nextBoolean() ? "." : "") + l + (10 + rng.nextInt(90)) + "@" + personalDomain;
    }

    Person build() {
      int set = systems;
      if (Integer.bitCount(set) > 4) {
        set &= ~SourceSystem.EMAIL.bit();
      }
      return new Person(id, market, gender, first, middle, last, maiden, suffix, specialty, credential, npi,
          registryId, stateLicence, address, oldAddress, phoneArea, phoneNumber, organisation, workEmail,
          personalEmail, birth, set, lookAlike);
    }
  }
}
