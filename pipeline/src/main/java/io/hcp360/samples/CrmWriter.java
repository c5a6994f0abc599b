package io.hcp360.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRM (Veeva on Salesforce): {@code crm/accounts.csv}, every value quoted, and the calls in
 * monthly files {@code crm/calls_YYYYMM.csv}. A doctor entered by several brand teams has several
 * accounts.
 */
final class CrmWriter implements SystemWriter {
  static final int YEAR = 2025;
  static final int MONTHS = 6;
  static final List<String> ACCOUNT_COLUMNS = List.of("Id", "FirstName", "MiddleName", "LastName", "Suffix",
      "Credentials", "Specialty", "NPI__c", "State_License__c", "Address_Line_1", "Address_Line_2", "City",
      "State", "Zip", "Country", "Phone", "Email", "Gender", "Status", "Owner_Brand", "LastModifiedDate");
  static final List<String> CALL_COLUMNS = List.of("Call_Id", "Account_Id", "Call_Datetime",
      "Submitted_Datetime", "Channel", "Product", "Territory", "Status");
  private static final NoiseProfile NOISE = new NoiseProfile(4, 12, 3, 50, 40, 10, 10, 25, 40);

  private final Context cx;
  private final OutFile accounts;
  private final List<OutFile> calls = new ArrayList<>();
  private long accountSeq;
  private long callSeq;
  private long activities;

  CrmWriter(Context cx) {
    this.cx = cx;
    this.accounts = cx.open(new Layout("crm/accounts.csv", ACCOUNT_COLUMNS, ',', Layout.Quoting.ALL,
        StandardCharsets.UTF_8, 0, 3, 20, List.of("yesterday", "2025-02-31T10:00:00.000Z")), 0);
    for (int m = 1; m <= MONTHS; m++) {
      String file = String.format(java.util.Locale.ROOT, "crm/calls_%d%02d.csv", YEAR, m);
      calls.add(cx.open(new Layout(file, CALL_COLUMNS, ',', Layout.Quoting.ALL, StandardCharsets.UTF_8, 1, 5, 2,
          List.of("yesterday", "2025-04-31T09:30:00.000Z")), m));
    }
  }

  @Override
  public SourceSystem system() {
    return SourceSystem.CRM;
  }

  @Override
  public void write(Person p) {
    int n = cx.chance(5) ? 3 : cx.chance(20) ? 2 : 1;
    List<Pools.Brand> brands = Brands.forSpecialty(cx.pools(), p.specialty(), n, cx.rng());
    for (Pools.Brand brand : brands) {
      String id = SalesforceId.of("001", "Dn0000", ++accountSeq);
      if (accounts.write(account(p, id, brand))) {
        cx.truth().add(SourceSystem.CRM, id, p);
      }
      int visits = cx.rng().nextInt(5);
      for (int v = 0; v < visits; v++) {
        call(p, id, brand);
      }
    }
  }

  private String[] account(Person p, String id, Pools.Brand brand) {
    Noise noise = cx.noise();
    NameView name = noise.name(p, NOISE);
    Address a = noise.address(p, 30);
    String email = cx.chance(60) ? p.workEmail() : cx.chance(40) ? p.personalEmail() : "";
    String phone = cx.chance(10) ? "" : Places.phone(p.market(), p.phoneArea(), p.phoneNumber(),
        cx.chance(70) ? 0 : cx.rng().nextInt(1, 3));
    LocalDateTime modified = Times.between(LocalDate.of(2022, 1, 1), LocalDate.of(2025, 7, 1), cx.rng());
    return new String[] {
      id,
      name.first(),
      name.middle(),
      name.last(),
      name.suffix(),
      cx.chance(10) ? "" : p.credential(),
      cx.chance(80) ? p.specialty().label() : p.specialty().altLabel(),
      noise.npi(p, 15, 3),
      p.stateLicence().isEmpty() || cx.chance(30) ? "" : p.stateLicence(),
      a.line1(),
      a.line2(),
      a.city().name(),
      a.city().region(),
      a.postalCode(),
      p.market().name(),
      phone,
      email,
      cx.chance(5) ? "" : p.gender().name(),
      cx.chance(92) ? "Active" : "Inactive",
      brand.name(),
      Times.SALESFORCE.format(modified)
    };
  }

  private void call(Person p, String accountId, Pools.Brand brand) {
    int month = 1 + cx.rng().nextInt(MONTHS);
    LocalDateTime at = Times.workingHours(YEAR, month, cx.rng());
    boolean saved = cx.chance(8);
    LocalDateTime submitted = cx.chance(12)
        ? at.plusDays(3 + cx.rng().nextInt(18)).plusMinutes(cx.rng().nextInt(600))
        : at.plusMinutes(20 + cx.rng().nextInt(36 * 60));
    int channel = cx.rng().nextInt(100);
    String region = p.address().city().region().replaceAll("[^A-Za-z]", "");
    String territory = p.market().name() + "-" + region.substring(0, Math.min(3, region.length())).toUpperCase()
        + "-" + (1 + cx.rng().nextInt(4));
    calls.get(month - 1).write(
        SalesforceId.of("a0C", "Dn0000", ++callSeq),
        accountId,
        Times.SALESFORCE.format(at),
        saved ? "" : Times.SALESFORCE.format(submitted),
        channel < 60 ? "Face to Face" : channel < 85 ? "Remote" : "Phone",
        brand.product(),
        territory,
        saved ? "Saved" : "Submitted");
    activities++;
  }

  @Override
  public long activities() {
    return activities;
  }

  @Override
  public List<OutFile> files() {
    List<OutFile> all = new ArrayList<>();
    all.add(accounts);
    all.addAll(calls);
    return all;
  }

  @Override
  public void close() throws IOException {
    accounts.close();
    for (OutFile f : calls) {
      f.close();
    }
  }
}
