package io.hcp360.samples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads generated files back, independently of the generator's own code, for the tests. */
final class Extract {
  /** One party record as a test sees it: names upper-cased ASCII, blanks for absent values. */
  record Party(String system, String id, String person, String first, String middle, String last, String suffix,
      String rawFirst, String rawLast, String city, String line1, String npi, String brand, String country) {}

  private Extract() {}

  static List<Map<String, String>> read(Path file, char delimiter, boolean quoted, Charset cs) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setQuote(quoted ? Character.valueOf('"') : null)
        .setHeader()
        .setSkipHeaderRecord(true)
        .get();
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, cs); CSVParser p = CSVParser.parse(r, format)) {
      for (CSVRecord rec : p) {
        rows.add(rec.toMap());
      }
    }
    return rows;
  }

  static Map<String, String> truth(Path root) throws IOException {
    Map<String, String> truth = new HashMap<>();
    for (Map<String, String> r : read(root.resolve("truth.csv"), ',', true, StandardCharsets.UTF_8)) {
      String key = r.get("source") + "/" + r.get("source_id");
      if (truth.put(key, r.get("person_id")) != null) {
        throw new AssertionError("truth.csv lists " + key + " twice");
      }
    }
    return truth;
  }

  /** Party records of crm, mdm, email and samples (events have one-column names only). */
  static List<Party> parties(Path root) throws IOException {
    Map<String, String> truth = truth(root);
    List<Party> out = new ArrayList<>();
    for (Map<String, String> r : read(root.resolve("crm/accounts.csv"), ',', true, StandardCharsets.UTF_8)) {
      out.add(party("crm", r.get("Id"), truth, r.get("FirstName"), r.get("MiddleName"), r.get("LastName"),
          r.get("Suffix"), r.get("City"), r.get("Address_Line_1"), r.get("NPI__c"), r.get("Owner_Brand"),
          r.get("Country")));
    }
    for (Map<String, String> r : read(root.resolve("mdm/hcp_master.txt"), '|', false, StandardCharsets.ISO_8859_1)) {
      String[] name = r.get("NAME").split(", ", 2);
      List<String> given = new ArrayList<>(List.of(name[1].split(" ")));
      String suffix = given.size() > 1 && given.getLast().matches("JR|SR") ? given.removeLast() : "";
      String npi = "NPI".equals(r.get("REGISTRY_TYPE")) ? r.get("REGISTRY_ID") : "";
      out.add(party("mdm", r.get("MDM_ID"), truth, given.get(0), given.size() > 1 ? given.get(1) : "", name[0],
          suffix, r.get("CITY"), r.get("ADDRESS_1"), npi, "", r.get("COUNTRY")));
    }
    for (Map<String, String> r : read(root.resolve("email/subscribers.csv"), ',', true, StandardCharsets.UTF_8)) {
      out.add(party("email", r.get("SUBSCRIBER_ID"), truth, r.get("FIRST_NAME"), "", r.get("LAST_NAME"), "", "", "",
          "", "", r.get("COUNTRY")));
    }
    for (Map<String, String> r : read(root.resolve("samples/requests.tsv"), '\t', false, StandardCharsets.UTF_8)) {
      String name = r.get("HCP_NAME");
      String first;
      String last;
      String middle = "";
      String suffix = "";
      if (name.contains(", ")) {
        last = name.substring(0, name.indexOf(", "));
        first = name.substring(name.indexOf(", ") + 2).split(" ")[0];
      } else {
        List<String> t = new ArrayList<>(List.of(name.split(" ")));
        if (t.size() > 2 && t.getLast().matches("Jr|Sr")) {
          suffix = t.removeLast();
        }
        first = t.removeFirst();
        if (t.size() > 1 && t.get(0).length() == 1) {
          middle = t.removeFirst();
        }
        last = String.join(" ", t);
      }
      out.add(party("samples", r.get("REQUESTER_ID"), truth, first, middle, last, suffix, r.get("CITY"),
          r.get("ADDRESS"), r.get("NPI"), r.get("BRAND"), r.get("COUNTRY")));
    }
    return out;
  }

  private static Party party(String system, String id, Map<String, String> truth, String first, String middle,
      String last, String suffix, String city, String line1, String npi, String brand, String country) {
    String person = truth.get(system + "/" + id);
    if (person == null) {
      throw new AssertionError(system + " record " + id + " is missing from truth.csv");
    }
    return new Party(system, id, person, norm(first), norm(middle), norm(last), norm(suffix), first, last,
        norm(city), norm(line1), npi, brand, country);
  }

  /** Upper-case ASCII, umlauts spelled out: "Müller" and "MUELLER" compare equal. */
  static String norm(String s) {
    String t = s.toUpperCase(Locale.ROOT).replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE").replace("ß", "SS");
    return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "").trim();
  }
}
