package io.hcp360.cli;

import io.hcp360.gate.GateCheck;
import io.hcp360.report.RunReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** A run report in a few lines, for the terminal. */
final class ReportSummary {
  private final RunReport r;

  ReportSummary(RunReport report) {
    this.r = report;
  }

  void print(PrintWriter out) {
    out.printf("Run %d of job %s: %s, %s (started %s)%n", r.runId(), r.job(), r.status(),
        r.published() ? "published" : "not published", r.startedAt());
    if (r.mode() != null) {
      out.println("  " + r.mode());
    }
    r.failures().forEach(f -> out.println("  why: " + f));
    if (!r.gates().isEmpty()) {
      out.println("  quality gates:");
      for (GateCheck g : r.gates()) {
        out.printf("    %-20s %-16s %s%n", g.gate(),
            g.limit() == null ? "off" : "limit " + pct(g.limit()),
            (g.passed() ? "" : g.accepted() ? "OVER, ACCEPTED: " : "STOPPED THE PUBLISH: ")
                + g.detail());
      }
    }
    RunReport.Totals t = r.totals();
    out.printf("  rows read %,d, staged %,d, rejected %,d in %d files%s%n", t.rowsRead(),
        t.rowsStaged(), t.rowsRejected(), r.files().size(), r.rejects().isEmpty() ? ""
            : "; rejects of " + r.rejects().size() + " kinds, most: " + r.rejects().get(0)
                .reason() + String.format(" (%,d)", r.rejects().get(0).rows()));
    out.printf("  party records %s, clusters %s, golden records %s, published HCPs %s%n",
        n(t.partyRecords()), n(t.clusters()), n(t.goldenRecords()), n(t.publishedHcps()));
    if (r.matching() != null) {
      RunReport.Matching m = r.matching();
      out.printf("  pairs stored %,d: %,d match, %,d review band (%,d records); thresholds"
              + " match %s, review %s%n", m.stored(), m.matches(), m.reviews(),
          m.reviewRecords(), m.matchThreshold(), m.reviewThreshold());
    }
    if (r.goldenIds() != null) {
      RunReport.GoldenChanges g = r.goldenIds();
      out.printf("  golden IDs against %s: %,d kept, %,d created, %,d split off, %,d merged,"
              + " %,d retired in all; churn %s%n",
          g.previousRun() == null ? "no earlier publish" : "run " + g.previousRun(), g.kept(),
          g.created(), g.split(), g.merged(), g.retired(),
          g.churn() == null ? "-" : pct(g.churn()));
    }
    if (!r.consent().isEmpty()) {
      out.printf("  consent: %,d became eligible, %,d became ineligible%n",
          r.consent().stream().mapToLong(RunReport.ConsentChange::becameEligible).sum(),
          r.consent().stream().mapToLong(RunReport.ConsentChange::becameIneligible).sum());
    }
    out.println("  steps: " + r.steps().stream()
        .map(s -> String.format(Locale.ROOT, "%s %.1f s%s", s.step(), s.seconds(),
            "COMPLETED".equals(s.status()) ? "" : " " + s.status()))
        .collect(Collectors.joining(", ")));
  }

  private static String n(Long value) {
    return value == null ? "-" : String.format("%,d", value);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }
}
