package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
import io.hcp360.db.SuspendedIndexes;
import io.hcp360.run.Progress;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code hcp.party}: one row per source record (system, source_id) from the run's staged
 * rows (the latest version when a record was staged several times), with values cleaned and
 * match keys computed. Rebuilt whole on every run, so a restart simply does it again.
 */
public final class StandardizeStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(StandardizeStage.class);
  private static final int FLUSH_BYTES = 16 << 20;
  private static final int MEMO_CAPACITY = 200_000;
  private static final char SEP = '\u0001';

  /** The standardizers of one run, remembering their answers for values that repeat. */
  private static final class Memos {
    final Memo<String, String> country = new Memo<>(Countries::iso2, MEMO_CAPACITY);
    final Memo<String, String> firstName = new Memo<>(k -> {
      String[] f = k.split("\u0001", -1);
      return FirstNames.standard().standardize(f[0], f[1].isEmpty() ? null : f[1],
          f[2].isEmpty() ? null : f[2]);
    }, MEMO_CAPACITY);
    final Memo<String, String> key = new Memo<>(Text::key, MEMO_CAPACITY);
    final Memo<String, String> lastName = new Memo<>(Names::lastName, MEMO_CAPACITY);
    final Memo<String, String> phonetic = new Memo<>(Names::phonetic, MEMO_CAPACITY);
    final Memo<String, String> city = new Memo<>(Cities::standardize, MEMO_CAPACITY);
    final Memo<String, String> specialty = new Memo<>(Specialties.standard()::code, MEMO_CAPACITY);
    final Memo<String, String> phone = new Memo<>(k -> {
      int bar = k.indexOf(SEP);
      return Phones.e164(k.substring(bar + 1), bar == 0 ? null : k.substring(0, bar));
    }, 1_000_000);
    final Memo<String, String> postalCode = new Memo<>(k -> {
      int bar = k.indexOf(SEP);
      return PostalCodes.standardize(k.substring(bar + 1), bar == 0 ? null : k.substring(0, bar));
    }, MEMO_CAPACITY);
  }

  @Override
  public String name() {
    return "standardize";
  }

  @Override
  public void run(RunContext run) {
    String select = Sql.load(StandardizeStage.class, "latest-staged-party");
    String copy = Sql.load(StandardizeStage.class, "copy-party");
    Tally unknownSpecialties = new Tally();
    Memos memos = new Memos();
    long records = run.jdbi().withHandle(h -> h.createQuery(
        Sql.load(StandardizeStage.class, "count-staged-party")).bind("runId", run.runId())
        .mapTo(Long.class).one());
    Progress progress = Progress.start("standardize", "party records", records);
    run.jdbi().useTransaction(writer -> {
      writer.execute("truncate hcp.party cascade");
      SuspendedIndexes suspended = SuspendedIndexes.of(writer, "hcp.party");
      CopyBuffer buffer = new CopyBuffer(copy);
      run.jdbi().useTransaction(reader -> {
        reader.createQuery(select)
            .bind("runId", run.runId())
            .setFetchSize(5_000)
            .scanResultSet((supplier, ctx) -> {
              ResultSet rs = supplier.get();
              int partyId = 0;
              while (rs.next()) {
                write(buffer, ++partyId, run.runId(), rs, unknownSpecialties, memos);
                progress.advance(1);
                if (buffer.size() > FLUSH_BYTES) {
                  flush(buffer, writer);
                }
              }
              return partyId;
            });
      });
      flush(buffer, writer);
      suspended.close();
      progress.finish();
      LOG.info("  {} party records standardized", String.format("%,d", buffer.rows()));
    });
    if (unknownSpecialties.total() > 0) {
      LOG.warn("  {} party records with an unknown specialty; most frequent: {}",
          String.format("%,d", unknownSpecialties.total()),
          String.join(", ", unknownSpecialties.top(5)));
    }
  }

  private static void flush(CopyBuffer buffer, Handle writer) {
    try {
      buffer.flush(CopyBuffer.copyManager(writer));
    } catch (SQLException e) {
      throw new Hcp360Exception("could not write hcp.party: " + e.getMessage(), e);
    }
  }

  private static void write(CopyBuffer out, int partyId, long runId, ResultSet rs,
      Tally unknownSpecialties, Memos memos) throws SQLException {
    String nationalId = rs.getString("national_id");
    String rawNpi = rs.getString("npi");
    String npi = Text.digits(rawNpi != null ? rawNpi : Identifiers.npiFromTyped(nationalId));
    String country = memos.country.apply(rs.getString("country"));
    String gender = rs.getString("gender");
    String firstName = rs.getString("first_name");
    String lastName = rs.getString("last_name");
    String middleName = rs.getString("middle_name");
    boolean middleIsSurname = lastName != null && Names.middleIsSurname(middleName, country);
    String lastStd = memos.lastName.apply(middleIsSurname ? middleName + " " + lastName
        : lastName);
    String email = Text.email(rs.getString("email"));
    String firstKey = memos.key.apply(firstName);
    String firstInitial = initial(firstKey);
    String given = firstKey == null || firstKey.length() == 1
        ? Emails.givenName(email, lastStd, firstInitial) : null;
    String firstForMatching = given != null ? given : firstName;
    String firstStd = firstForMatching == null ? null : memos.firstName.apply(firstForMatching
        + SEP + (gender == null ? "" : gender) + SEP + (country == null ? "" : country));
    NationalId id = NationalIds.standard().parse(
        nationalId != null ? nationalId : rawNpi != null ? "NPI:" + rawNpi : null, country);
    String specialty = rs.getString("specialty");
    String specialtyCode = memos.specialty.apply(specialty);
    if (specialtyCode == null && specialty != null && !specialty.isBlank()) {
      unknownSpecialties.add(specialty.strip());
    }
    String phone = rs.getString("phone");
    String postalCode = rs.getString("postal_code");
    String line1 = rs.getString("address_line1");
    String street = line1 != null && !line1.isBlank() ? line1 : rs.getString("address_line2");
    out.value(partyId).value(runId)
        .value(rs.getString("system")).value(rs.getString("source_id"))
        .value(rs.getString("title"))
        .value(firstName)
        .value(middleName)
        .value(lastName)
        .value(Names.suffix(rs.getString("suffix")))
        .value(rs.getString("credential"))
        .value(specialty)
        .value(npi)
        .value(Boolean.toString(Npi.isValid(npi)))
        .value(nationalId)
        .value(rs.getString("state_license"))
        .value(rs.getString("organisation"))
        .value(line1)
        .value(rs.getString("address_line2"))
        .value(rs.getString("city"))
        .value(rs.getString("region"))
        .value(rs.getString("postal_code"))
        .value(country)
        .value(rs.getString("phone"))
        .value(email)
        .value(gender)
        .value(rs.getString("status"))
        .value(rs.getString("last_modified"))
        .value(rs.getString("extras"))
        .value(firstKey)
        .value(memos.key.apply(lastName))
        .value(firstStd)
        .value(firstInitial != null ? firstInitial : initial(firstStd))
        .value(middleIsSurname ? null : initial(memos.key.apply(middleName)))
        .value(lastStd)
        .value(memos.phonetic.apply(firstStd))
        .value(memos.phonetic.apply(lastStd))
        .value(id == null ? null : id.type())
        .value(id == null ? null : id.value())
        .value(Boolean.toString(id != null && id.valid()))
        .value(phone == null || phone.isBlank() ? null
            : memos.phone.apply((country == null ? "" : country) + SEP + phone))
        .value(Emails.local(email))
        .value(Emails.organisationDomain(email))
        .value(Addresses.standard().street(street, country))
        .value(Addresses.standard().houseNumber(street, country))
        .value(postalCode == null ? null
            : memos.postalCode.apply((country == null ? "" : country) + SEP + postalCode))
        .value(memos.city.apply(rs.getString("city")))
        .value(specialtyCode)
        .value(BirthDates.parse(rs.getString("date_of_birth")));
    out.endRow();
  }

  private static String initial(String key) {
    return key == null ? null : key.substring(0, 1);
  }
}
