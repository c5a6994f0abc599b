package io.hcp360.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The legacy MDM: {@code mdm/hcp_master.txt}, pipe-delimited, no quoting, ISO-8859-1, names as
 * "LAST, FIRST M" in upper case, registry ids with their type, specialty as taxonomy codes, and
 * often the address a person had before moving.
 */
final class MdmWriter implements SystemWriter {
  static final List<String> COLUMNS = List.of("MDM_ID", "NAME", "PROF_DESIGNATION", "SPECIALTY_CODE",
      "REGISTRY_ID", "REGISTRY_TYPE", "ADDRESS_1", "ADDRESS_2", "CITY", "REGION", "POSTAL_CODE", "COUNTRY",
      "PHONE", "GENDER", "BIRTH_DATE", "STATUS", "UPDATED");
  private static final NoiseProfile NOISE = new NoiseProfile(3, 2, 5, 80, 90, 15, 60, 10, 20);

  private final Context cx;
  private final OutFile file;
  private long seq;

  MdmWriter(Context cx) {
    this.cx = cx;
    this.file = cx.open(new Layout("mdm/hcp_master.txt", COLUMNS, '|', Layout.Quoting.NONE,
        StandardCharsets.ISO_8859_1, 0, 1, 16, List.of("31/02/2024", "yesterday", "2024-13-01")), 2);
  }

  @Override
  public SourceSystem system() {
    return SourceSystem.MDM;
  }

  @Override
  public void write(Person p) {
    int n = cx.chance(4) ? 2 : 1; // the legacy MDM has duplicates of its own
    for (int i = 0; i < n; i++) {
      String id = String.format(Locale.ROOT, "M%08d", ++seq);
      if (file.write(row(p, id))) {
        cx.truth().add(SourceSystem.MDM, id, p);
      }
    }
  }

  private String[] row(Person p, String id) {
    Noise noise = cx.noise();
    NameView n = noise.name(p, NOISE);
    String given = NameView.join(n.first(), n.middle(), n.suffix());
    Address a = noise.address(p, 60);
    String registry = p.market() == Market.US ? noise.npi(p, 5, 2) : cx.chance(5) ? "" : p.registryId();
    LocalDate updated = Times.between(LocalDate.of(2012, 1, 1), LocalDate.of(2025, 6, 1), cx.rng()).toLocalDate();
    return new String[] {
      id,
      Noise.upper(n.last() + ", " + given),
      Noise.upper(p.credential().replace(".", "")),
      p.market() == Market.US ? p.specialty().nuccCode() : p.specialty().euCode(),
      registry,
      registry.isEmpty() ? "" : p.market().registryType(),
      Noise.upper(a.line1()),
      Noise.upper(a.line2()),
      Noise.upper(a.city().name()),
      a.city().region(),
      a.postalCode(),
      p.market().name(),
      cx.chance(20) ? "" : Places.phone(p.market(), p.phoneArea(), p.phoneNumber(), 2),
      p.gender().name(),
      cx.chance(30) ? "" : Times.DAY_MONTH_YEAR.format(p.birthDate()),
      cx.chance(90) ? "A" : "I",
      Times.DAY_MONTH_YEAR.format(updated)
    };
  }

  @Override
  public long activities() {
    return 0;
  }

  @Override
  public List<OutFile> files() {
    return List.of(file);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
