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
                write(buffer, ++partyId, run.runId(), rs);
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
  }

  private static void flush(CopyBuffer buffer, Handle writer) {
    try {
      buffer.flush(CopyBuffer.copyManager(writer));
    } catch (SQLException e) {
      throw new Hcp360Exception("could not write hcp.party: " + e.getMessage(), e);
    }
  }

  private static void write(CopyBuffer out, int partyId, long runId, ResultSet rs)
      throws SQLException {
    String nationalId = rs.getString("national_id");
    String npi = Text.digits(rs.getString("npi") != null ? rs.getString("npi")
        : Identifiers.npiFromTyped(nationalId));
    out.value(partyId).value(runId)
        .value(rs.getString("system")).value(rs.getString("source_id"))
        .value(rs.getString("title"))
        .value(rs.getString("first_name"))
        .value(rs.getString("middle_name"))
        .value(rs.getString("last_name"))
        .value(rs.getString("suffix"))
        .value(rs.getString("credential"))
        .value(rs.getString("specialty"))
        .value(npi)
        .value(Boolean.toString(Npi.isValid(npi)))
        .value(nationalId)
        .value(rs.getString("state_license"))
        .value(rs.getString("organisation"))
        .value(rs.getString("address_line1"))
        .value(rs.getString("address_line2"))
        .value(rs.getString("city"))
        .value(rs.getString("region"))
        .value(rs.getString("postal_code"))
        .value(Countries.iso2(rs.getString("country")))
        .value(rs.getString("phone"))
        .value(Text.email(rs.getString("email")))
        .value(rs.getString("gender"))
        .value(rs.getString("status"))
        .value(rs.getString("last_modified"))
        .value(rs.getString("extras"))
        .value(Text.key(rs.getString("first_name")))
        .value(Text.key(rs.getString("last_name")));
    out.endRow();
  }
}
