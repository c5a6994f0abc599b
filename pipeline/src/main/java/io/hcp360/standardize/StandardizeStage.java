package io.hcp360.standardize;

import io.hcp360.Hcp360Exception;
import io.hcp360.db.CopyBuffer;
import io.hcp360.db.Sql;
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

  @Override
  public String name() {
    return "standardize";
  }

  @Override
  public void run(RunContext run) {
    String select = Sql.load(StandardizeStage.class, "latest-staged-party");
    String copy = Sql.load(StandardizeStage.class, "copy-party");
    Tally unknownSpecialties = new Tally();
    run.jdbi().useTransaction(writer -> {
      writer.execute("truncate hcp.party cascade");
      CopyBuffer buffer = new CopyBuffer(copy);
      run.jdbi().useTransaction(reader -> {
        reader.createQuery(select)
            .bind("runId", run.runId())
            .setFetchSize(5_000)
            .scanResultSet((supplier, ctx) -> {
              ResultSet rs = supplier.get();
              int partyId = 0;
              while (rs.next()) {
                write(buffer, ++partyId, run.runId(), rs, unknownSpecialties);
                if (buffer.size() > FLUSH_BYTES) {
                  flush(buffer, writer);
                }
              }
              return partyId;
            });
      });
      flush(buffer, writer);
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
      Tally unknownSpecialties) throws SQLException {
    String nationalId = rs.getString("national_id");
    String rawNpi = rs.getString("npi");
    String npi = Text.digits(rawNpi != null ? rawNpi : Identifiers.npiFromTyped(nationalId));
    String country = Countries.iso2(rs.getString("country"));
    String gender = rs.getString("gender");
    String firstName = rs.getString("first_name");
    String lastName = rs.getString("last_name");
    String firstStd = FirstNames.standard().standardize(firstName, gender, country);
    String lastStd = Names.lastName(lastName);
    NationalId id = NationalIds.standard().parse(
        nationalId != null ? nationalId : rawNpi != null ? "NPI:" + rawNpi : null, country);
    String email = Text.email(rs.getString("email"));
    String specialty = rs.getString("specialty");
    String specialtyCode = Specialties.standard().code(specialty);
    if (specialtyCode == null && specialty != null && !specialty.isBlank()) {
      unknownSpecialties.add(specialty.strip());
    }
    String line1 = rs.getString("address_line1");
    String street = line1 != null && !line1.isBlank() ? line1 : rs.getString("address_line2");
    out.value(partyId).value(runId)
        .value(rs.getString("system")).value(rs.getString("source_id"))
        .value(rs.getString("title"))
        .value(firstName)
        .value(rs.getString("middle_name"))
        .value(lastName)
        .value(rs.getString("suffix"))
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
        .value(Text.key(firstName))
        .value(Text.key(lastName))
        .value(firstStd)
        .value(Names.initial(firstName))
        .value(Names.initial(rs.getString("middle_name")))
        .value(lastStd)
        .value(Names.phonetic(firstStd))
        .value(Names.phonetic(lastStd))
        .value(id == null ? null : id.type())
        .value(id == null ? null : id.value())
        .value(Boolean.toString(id != null && id.valid()))
        .value(Phones.e164(rs.getString("phone"), country))
        .value(Emails.local(email))
        .value(Addresses.standard().street(street, country))
        .value(Addresses.standard().houseNumber(street, country))
        .value(PostalCodes.standardize(rs.getString("postal_code"), country))
        .value(Cities.standardize(rs.getString("city")))
        .value(specialtyCode)
        .value(BirthDates.parse(rs.getString("date_of_birth")));
    out.endRow();
  }
}
