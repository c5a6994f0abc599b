package io.hcp360.samples;

import io.hcp360.Hcp360Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the job file (jobs/README.md) that maps every generated file to the canonical fields.
 * Paths in it are relative to the job file's folder.
 */
final class JobFileWriter {
  private static final String TEMPLATE = """
      # Written by `hcp360 generate` (seed {seed}, {hcps} persons): the five sample source systems.
      # Paths are relative to this file. truth.csv beside the extracts holds the true person of
      # every party record, for measuring match quality; it is not a source.
      name: nightly
      schedule: {cron: "0 0 2 * * ?", time_zone: UTC, misfire: run_once}  # hcp360 schedule: 02:00 UTC
      sources:
        - system: crm
          dialect:
            delimiter: ","
            quote: '"'
            encoding: UTF-8
            header: true
            timezone: UTC
            multiline: false            # no value spans lines: a broken quote rejects one line only
          files:
            - name: accounts
              path: {dir}crm/accounts.csv
              party:
                source_id: Id
                first_name: FirstName
                middle_name: MiddleName
                last_name: LastName
                suffix: Suffix
                credential: Credentials
                specialty: {column: Specialty, map: {crmSpecialties}}
                npi: NPI__c
                state_license: State_License__c
                address_line1: Address_Line_1
                address_line2: Address_Line_2
                city: City
                region: State
                postal_code: Zip
                country: Country
                phone: Phone
                email: Email
                gender: {column: Gender, map: {M: male, F: female}, unmapped: reject}
                status: {column: Status, map: {Active: active, Inactive: inactive}}
                last_modified: {column: LastModifiedDate, format: "yyyy-MM-dd'T'HH:mm:ss.SSSX"}
                required: [last_name]
                extras:
                  brand_team: Owner_Brand
            - name: calls
              path: {dir}crm/calls_*.csv
              activity:
                activity_id: Call_Id
                activity_type: {constant: call}
                party_source_id: Account_Id
                occurred_at: {column: Call_Datetime, format: "yyyy-MM-dd'T'HH:mm:ss.SSSX"}
                logged_at: {column: Submitted_Datetime, format: "yyyy-MM-dd'T'HH:mm:ss.SSSX"}
                channel: {column: Channel, map: {"Face to Face": visit, Remote: remote_meeting, Phone: phone}, unmapped: reject}
                product: Product
                territory: Territory
                status: Status
        - system: mdm
          dialect:
            delimiter: "|"
            quote: ""
            encoding: ISO-8859-1
            header: true
          files:
            - name: hcp_master
              path: {dir}mdm/hcp_master.txt
              party:
                source_id: MDM_ID
                full_name: {column: NAME, format: last_first}
                credential: PROF_DESIGNATION
                specialty: {column: SPECIALTY_CODE, map: {mdmSpecialties}, unmapped: keep}
                # typed registry number: NPI:1234567893, RPPS:10..., LANR:..., COLEGIADO:..., GMC:...
                national_id: {columns: [REGISTRY_TYPE, REGISTRY_ID], join: ":"}
                address_line1: ADDRESS_1
                address_line2: ADDRESS_2
                city: CITY
                region: REGION
                postal_code: POSTAL_CODE
                country: COUNTRY
                phone: PHONE
                gender: {column: GENDER, map: {M: male, F: female}, unmapped: reject}
                status: {column: STATUS, map: {A: active, I: inactive}, unmapped: reject}
                last_modified: {column: UPDATED, format: dd/MM/yyyy}
                required: [last_name]
                extras:
                  date_of_birth: {column: BIRTH_DATE, format: dd/MM/yyyy, type: date}
                  registry_type: REGISTRY_TYPE
        - system: events
          dialect:
            delimiter: ";"
            quote: '"'
            encoding: UTF-8
            header: true
            timezone: Europe/Berlin
            multiline: false
          files:
            - name: registrations
              path: {dir}events/registrations.csv
              party:
                source_id: ATTENDEE_ID
                full_name: {column: FULL_NAME, format: first_last}
                email: EMAIL
                organisation: ORGANISATION
                country: {column: COUNTRY, map: {countries}, unmapped: reject}
              activity:
                activity_id: REGISTRATION_ID
                activity_type: {constant: event_registration}
                party_source_id: ATTENDEE_ID
                occurred_at: {column: REG_TS, format: "dd.MM.yyyy HH:mm"}
                status: {column: ATTENDED, map: {Y: attended, N: no_show}}
                detail: {columns: [EVENT_ID, EVENT_NAME], join: " "}
                country: {column: COUNTRY, map: {countries}}
              consent:
                when_present: MARKETING_OPTIN
                party_source_id: ATTENDEE_ID
                channel: {constant: email}
                purpose: {constant: promotional}
                status: {column: MARKETING_OPTIN, map: {Y: opt_in, N: opt_out}, unmapped: reject}
                stated_at: {column: REG_TS, format: "dd.MM.yyyy HH:mm"}
        - system: email
          dialect:
            delimiter: ","
            quote: '"'
            encoding: UTF-8
            header: true
            timezone: UTC
            multiline: false
          files:
            - name: subscribers
              path: {dir}email/subscribers.csv
              party:
                source_id: SUBSCRIBER_ID
                first_name: FIRST_NAME
                last_name: LAST_NAME
                email: EMAIL
                country: COUNTRY
                required: [email]
              consent:
                party_source_id: SUBSCRIBER_ID
                channel: {constant: email}
                purpose: {constant: promotional}
                status: {column: OPT_IN_STATUS, map: {subscribed: opt_in, unsubscribed: opt_out}, unmapped: reject}
                stated_at: {column: STATUS_CHANGED_AT, format: "MM/dd/yyyy hh:mm a"}
            - name: email_events
              path: {dir}email/events.csv
              activity:
                activity_id: EVENT_ID
                activity_type: {column: EVENT_TYPE, map: {Sent: email_send, Open: email_open, Click: email_click}, unmapped: reject}
                party_source_id: SUBSCRIBER_ID
                occurred_at: {column: EVENT_TS, format: "yyyy-MM-dd'T'HH:mm:ssxxx"}
                channel: {constant: email}
                brand: BRAND
                detail: CAMPAIGN
        - system: samples
          dialect:
            delimiter: "\\t"
            quote: ""
            encoding: UTF-8
            header: true
          files:
            - name: requests
              path: {dir}samples/requests.tsv
              party:
                source_id: REQUESTER_ID
                full_name: {column: HCP_NAME, format: auto}
                npi: NPI
                state_license: STATE_LICENSE
                address_line1: ADDRESS
                city: CITY
                region: STATE
                postal_code: ZIP
                country: COUNTRY
              activity:
                activity_id: REQUEST_ID
                activity_type: {constant: sample_request}
                party_source_id: REQUESTER_ID
                occurred_at: {column: REQUEST_DATE, format: yyyyMMdd}
                product: PRODUCT
                brand: BRAND
                quantity: QUANTITY
      """;

  private JobFileWriter() {}

  /** Writes the job file for extracts under {@code outDir}. */
  static void write(Path jobFile, Path outDir, Pools pools, long seed, int hcps) {
    Path jobDir = jobFile.toAbsolutePath().normalize().getParent();
    String rel = jobDir.relativize(outDir.toAbsolutePath().normalize()).toString().replace('\\', '/');
    String text = TEMPLATE
        .replace("{seed}", Long.toString(seed))
        .replace("{hcps}", Integer.toString(hcps))
        .replace("{dir}", rel.isEmpty() ? "" : rel + "/")
        .replace("{crmSpecialties}", inline(crmSpecialties(pools)))
        .replace("{mdmSpecialties}", inline(mdmSpecialties(pools)))
        .replace("{countries}", inline(countries()))
        + lists(pools);
    try {
      Files.createDirectories(jobDir);
      Files.writeString(jobFile, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Hcp360Exception("cannot write job file " + jobFile, e);
    }
  }

  /** One governed HCP 360 list per brand, in every sample market. */
  private static String lists(Pools pools) {
    StringBuilder out = new StringBuilder("""

        # The governed HCP 360 lists: one per brand and market. A golden HCP is on a brand's list
        # when a CRM brand team targets it (the accounts' Owner_Brand) or one of its activities
        # (a call's product, an email's brand, a sample request) is of that brand.
        lists:
        """);
    pools.brands().stream().map(Pools.Brand::name).distinct().forEach(brand -> out
        .append("  - {brand: ").append(brand)
        .append(", markets: [US, DE, FR, ES, GB], targeting: brand_team}\n"));
    return out.toString();
  }

  private static Map<String, String> crmSpecialties(Pools pools) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Pools.Specialty s : pools.specialties()) {
      m.put(s.altLabel(), s.label());
    }
    return m;
  }

  private static Map<String, String> mdmSpecialties(Pools pools) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Pools.Specialty s : pools.specialties()) {
      m.put(s.nuccCode(), s.label());
      m.put(s.euCode(), s.label());
    }
    return m;
  }

  /** Every way the events vendor writes a country. */
  static Map<String, String> countries() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Market market : Market.values()) {
      m.put(market.englishName(), market.name());
    }
    m.put("USA", "US"); // the variants EventsWriter writes now and then
    m.put("Deutschland", "DE");
    m.put("FRANCE", "FR");
    m.put("España", "ES");
    m.put("UK", "GB");
    return m;
  }

  private static String inline(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
