package io.hcp360.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The samples system: {@code samples/requests.tsv}, tab-delimited without quoting, one row per
 * sample request, the requester's name typed as "First Last" (sometimes "Last First" or
 * "Last, First"), NPIs often missing or mistyped.
 */
final class SamplesWriter implements SystemWriter {
  static final List<String> COLUMNS = List.of("REQUEST_ID", "REQUESTER_ID", "HCP_NAME", "NPI", "STATE_LICENSE",
      "ADDRESS", "CITY", "STATE", "ZIP", "COUNTRY", "PRODUCT", "BRAND", "QUANTITY", "REQUEST_DATE");
  private static final NoiseProfile NOISE = new NoiseProfile(5, 10, 5, 20, 100, 60, 0, 20, 60);

  private final Context cx;
  private final OutFile file;
  private long requesters;
  private long requests;

  SamplesWriter(Context cx) {
    this.cx = cx;
    this.file = cx.open(new Layout("samples/requests.tsv", COLUMNS, '\t', Layout.Quoting.NONE,
        StandardCharsets.UTF_8, 1, 2, 13, List.of("20250231", "yesterday")), 1);
  }

  @Override
  public SourceSystem system() {
    return SourceSystem.SAMPLES;
  }

  @Override
  public void write(Person p) {
    String requester = String.format(Locale.ROOT, "SR%07d", ++requesters);
    NameView n = cx.noise().name(p, NOISE);
    String name = hcpName(n);
    String npi = cx.noise().npi(p, 15, 8);
    String licence = p.stateLicence().isEmpty() || cx.chance(20) ? "" : p.stateLicence();
    Address a = cx.noise().address(p, 20);
    int count = 1 + cx.rng().nextInt(4);
    boolean listed = false;
    for (int i = 0; i < count; i++) {
      Pools.Brand b = Brands.product(cx.pools(), p.specialty(), cx.rng());
      LocalDate day = Times.between(LocalDate.of(CrmWriter.YEAR, 1, 1), LocalDate.of(CrmWriter.YEAR, 7, 1), cx.rng())
          .toLocalDate();
      boolean written = file.write(
          String.format(Locale.ROOT, "RQ%08d", ++requests),
          requester,
          name,
          npi,
          licence,
          NameView.join(a.line1(), a.line2()),
          a.city().name(),
          a.city().region(),
          a.postalCode(),
          p.market().name(),
          b.product(),
          b.name(),
          Integer.toString(2 * (1 + cx.rng().nextInt(10))),
          Times.COMPACT_DATE.format(day));
      if (written && !listed) {
        cx.truth().add(SourceSystem.SAMPLES, requester, p);
        listed = true;
      }
    }
  }

  private String hcpName(NameView n) {
    int r = cx.rng().nextInt(100);
    if (r < 4) {
      return NameView.join(n.last(), n.first()); // typed the wrong way round
    }
    if (r < 7) {
      return n.last() + ", " + NameView.join(n.first(), n.middle());
    }
    return n.firstLast(true);
  }

  @Override
  public long activities() {
    return requests;
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
