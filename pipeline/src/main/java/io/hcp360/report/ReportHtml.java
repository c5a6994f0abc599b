package io.hcp360.report;

import io.hcp360.gate.GateCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link RunReport} as one self-contained HTML page: inline CSS and SVG, no script. */
final class ReportHtml {
  private static final String MATCH = "#2e7d32";
  private static final String REVIEW = "#f9a825";
  private static final String PAIRS = "#5c6bc0";
  private static final String REJECTED = "#c62828";

  private final RunReport r;
  private final StringBuilder out = new StringBuilder(32_768);

  private ReportHtml(RunReport report) {
    this.r = report;
  }

  static String render(RunReport report) {
    return new ReportHtml(report).page();
  }

  private String page() {
    String title = "Run " + r.runId() + " of job " + r.job() + ": " + r.status();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title)).append("</title><style>").append(CSS)
        .append("</style></head><body>\n");
    out.append("<h1>").append(Html.escape(title)).append(r.published()
        ? " <span class=\"ok\">published</span>" : " <span class=\"bad\">not published</span>")
        .append("</h1>\n");
    out.append("<p>Job file ").append(code(r.jobFile())).append(", started ")
        .append(Html.escape(r.startedAt())).append(", report written ")
        .append(Html.escape(r.reportedAt())).append(".</p>\n");
    if (r.mode() != null) {
      out.append("<p>").append(Html.escape(r.mode().startsWith("full") ? "Full run: every"
          + " record standardized, matched and grouped again." : "Incremental run ("
          + r.mode().substring("incremental: ".length()) + "): only the records around the"
          + " changes were matched and grouped again.")).append("</p>\n");
    }
    if (!r.failures().isEmpty()) {
      out.append("<div class=\"failure\"><b>Why the run ")
          .append(r.published() ? "failed" : "did not publish").append(":</b><ul>");
      r.failures().forEach(f -> out.append("<li>").append(Html.escape(f)).append("</li>"));
      out.append("</ul></div>\n");
    }
    gates();
    files();
    sources();
    totals();
    rejects();
    matching();
    goldenIds();
    consent();
    lists();
    steps();
    return out.append("</body></html>\n").toString();
  }

  private void gates() {
    h2("Quality gates");
    if (r.gates().isEmpty()) {
      p("No gate was checked: the run did not reach the gate step.");
      return;
    }
    table(List.of("gate", "limit", "measured", "verdict", "what was measured"));
    for (GateCheck g : r.gates()) {
      String verdict = g.limit() == null ? "off" : g.accepted() ? "over, accepted"
          : g.passed() ? "passed" : "STOPPED THE PUBLISH";
      row(g.gate(), g.limit() == null ? "—" : pct(g.limit()),
          g.measured() == null ? "—" : pct(g.measured()),
          "<span class=\"" + (g.passed() ? "ok" : "bad") + "\">" + verdict + "</span>",
          Html.escape(g.detail()));
    }
    endTable();
  }

  private void files() {
    h2("Source files");
    table(List.of("system / file", "path", "read", "staged", "rejected", "reject rate"));
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (RunReport.FileCounts f : r.files()) {
      row(Html.escape(f.system() + "/" + f.fileName()), code(f.path()), n(f.read()),
          n(f.staged()), n(f.rejected()), f.read() == 0 ? "—" : pct((double) f.rejected()
              / f.read()));
      bars.add(new SvgCharts.Bar(f.system() + "/" + f.fileName(),
          new double[] {f.staged(), f.rejected()}));
    }
    RunReport.Totals t = r.totals();
    row("<b>total</b>", "", n(t.rowsRead()), n(t.rowsStaged()), n(t.rowsRejected()),
        t.rowsRead() == 0 ? "—" : pct((double) t.rowsRejected() / t.rowsRead()));
    endTable();
    if (!bars.isEmpty()) {
      out.append(SvgCharts.horizontalBars("Rows per file: staged and rejected", bars,
          List.of(new SvgCharts.Series("staged", PAIRS),
              new SvgCharts.Series("rejected", REJECTED)), " rows"));
    }
  }

  private void sources() {
    h2("Party records per source system");
    table(List.of("system", "party rows staged", "party records", "golden HCPs",
        "published records"));
    for (RunReport.SourceCounts s : r.sources()) {
      row(Html.escape(s.system()), n(s.staged()), n(s.partyRecords()), n(s.goldenHcps()),
          n(s.published()));
    }
    endTable();
  }

  private void totals() {
    h2("Counts per step");
    RunReport.Totals t = r.totals();
    table(List.of("step", "figure", "count"));
    row("ingest", "rows read / staged / rejected", n(t.rowsRead()) + " / " + n(t.rowsStaged())
        + " / " + n(t.rowsRejected()));
    row("standardize", "party records", n(t.partyRecords()));
    row("cluster", "clusters (with more than one record)", n(t.clusters()) + " ("
        + n(t.multiRecordClusters()) + ")");
    row("golden", "golden records", n(t.goldenRecords()));
    row("consent", "channel eligibility rows", n(t.eligibilityRows()));
    row("activities", "linked / unknown source record", n(t.activitiesLinked()) + " / "
        + n(t.activitiesUnlinked()));
    row("publish", "golden HCPs published", n(t.publishedHcps()));
    endTable();
    p("— : the run did not complete that step.");
  }

  private void rejects() {
    h2("Rejects by reason");
    if (r.rejects().isEmpty()) {
      p("No row was rejected.");
      return;
    }
    table(List.of("reason (values taken out)", "rows", "examples: file:line, reason, raw text"));
    for (RunReport.RejectReason reason : r.rejects()) {
      StringBuilder examples = new StringBuilder();
      for (RunReport.RejectExample e : reason.examples()) {
        examples.append("<div>").append(Html.escape(e.system() + "/" + e.fileName())).append(' ')
            .append(code(e.path() + ":" + e.line())).append(": ").append(Html.escape(e.reason()))
            .append("<br>").append(code(e.raw())).append("</div>");
      }
      row(Html.escape(reason.reason()), n(reason.rows()), examples.toString());
    }
    endTable();
    p("All of them: <code>./hcp360 rejects --run " + r.runId() + "</code>.");
  }

  private void matching() {
    h2("Match scores");
    RunReport.Matching m = r.matching();
    if (m == null) {
      p("The run did not complete the match step.");
      return;
    }
    p("Rule set " + code(m.ruleSet()) + "; thresholds: match at or above <b>"
        + m.matchThreshold() + "</b>, review from <b>" + m.reviewThreshold() + "</b>"
        + (m.marketThresholds().isEmpty() ? "" : "; markets with their own: "
            + Html.escape(String.join("; ", m.marketThresholds()))) + ".");
    table(List.of("pairs stored", "match", "review band", "records in the review band",
        "decided by a hard rule"));
    row(n(m.stored()), n(m.matches()), n(m.reviews()), n(m.reviewRecords()),
        n(m.hardRuleMatches()));
    endTable();
    List<SvgCharts.Marker> markers = List.of(
        new SvgCharts.Marker("review " + m.reviewThreshold(), m.reviewThreshold(), REVIEW),
        new SvgCharts.Marker("match " + m.matchThreshold(), m.matchThreshold(), MATCH));
    if (!m.storedHistogram().isEmpty()) {
      p("Stored pairs (hcp.match_pair keeps the match and review pairs only; a pair a hard rule"
          + " merged may score below the thresholds):");
      histogram("Stored pairs by match weight", m.storedHistogram(), true, markers, false);
    }
    if (!m.scoredHistogram().isEmpty()) {
      p("Every pair the match step scored, non-matches included (log scale; pairs a hard rule"
          + " kept apart are not scored" + (r.mode() != null && r.mode().startsWith("incremental")
              ? "; an incremental run scores only the candidate pairs around the changes" : "")
          + "):");
      histogram("Scored pairs by match weight (log scale)", m.scoredHistogram(), false, markers,
          true);
    }
  }

  private void histogram(String title, List<RunReport.Bin> bins, boolean byDecision,
      List<SvgCharts.Marker> markers, boolean log) {
    int first = bins.get(0).bin();
    int last = bins.get(bins.size() - 1).bin();
    for (SvgCharts.Marker marker : markers) {
      first = Math.min(first, (int) Math.floor(marker.x()));
      last = Math.max(last, (int) Math.floor(marker.x()));
    }
    List<SvgCharts.Bar> bars = new ArrayList<>();
    int i = 0;
    for (int bin = first; bin <= last; bin++) {
      RunReport.Bin b = i < bins.size() && bins.get(i).bin() == bin ? bins.get(i++) : null;
      double[] values = byDecision
          ? new double[] {b == null ? 0 : b.review(), b == null ? 0 : b.match()}
          : new double[] {b == null ? 0 : b.pairs()};
      bars.add(new SvgCharts.Bar(Integer.toString(bin), values));
    }
    List<SvgCharts.Series> series = byDecision
        ? List.of(new SvgCharts.Series("review", REVIEW), new SvgCharts.Series("match", MATCH))
        : List.of(new SvgCharts.Series("scored pairs", PAIRS));
    out.append(SvgCharts.histogram(title, first, bars, series, markers, log)).append('\n');
  }

  private void goldenIds() {
    h2("Golden IDs against the previous publish");
    RunReport.GoldenChanges g = r.goldenIds();
    if (g == null) {
      p("Not measured: the run did not reach the gate step.");
      return;
    }
    table(List.of("compared with", "published before", "this run", "kept", "created",
        "split off", "retired by merges", "retired in all", "churn"));
    row(g.previousRun() == null ? "no publish yet" : "run " + g.previousRun(), n(g.previous()),
        n(g.current()), n(g.kept()), n(g.created()), n(g.split()), n(g.merged()),
        n(g.retired()), g.churn() == null ? "—" : pct(g.churn()));
    endTable();
    p("Churn = (golden IDs new in this run + golden IDs of the previous publish this run no"
        + " longer has) / golden IDs of the previous publish. An ID is retired by a merge, or"
        + " when none of its records is left.");
  }

  private void consent() {
    h2("Consent changes against the previous publish");
    if (r.consent().isEmpty()) {
      p("No channel eligibility, now or in the previous publish (or the run did not reach the"
          + " gate step).");
      return;
    }
    table(List.of("channel", "purpose", "became eligible", "became ineligible",
        "new (HCP, channel, purpose)", "gone"));
    for (RunReport.ConsentChange c : r.consent()) {
      row(Html.escape(c.channel()), Html.escape(c.purpose()), n(c.becameEligible()),
          n(c.becameIneligible()), n(c.added()), n(c.removed()));
    }
    endTable();
  }

  private void lists() {
    h2("HCP 360 lists published");
    if (r.lists().isEmpty()) {
      p(r.published() ? "The job publishes no lists." : "None: the run did not publish.");
      return;
    }
    table(List.of("brand", "market", "members before", "members now", "change"));
    for (RunReport.ListSize l : r.lists()) {
      row(Html.escape(l.brand()), Html.escape(l.market()), n(l.previous()), n(l.current()),
          l.previous() == null || l.previous() == 0 ? "—"
              : pct((double) (l.current() - l.previous()) / l.previous()));
    }
    endTable();
  }

  private void steps() {
    h2("Time per step");
    table(List.of("step", "status", "started", "seconds", "exit message"));
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (RunReport.StepTime s : r.steps()) {
      row(Html.escape(s.step()), Html.escape(s.status()), Html.escape(s.startedAt()),
          String.format(Locale.ROOT, "%.1f", s.seconds()), Html.escape(s.exitMessage()));
      bars.add(new SvgCharts.Bar(s.step() + ("COMPLETED".equals(s.status()) ? ""
          : " (" + s.status().toLowerCase(Locale.ROOT) + ")"), new double[] {s.seconds()}));
    }
    endTable();
    if (!bars.isEmpty()) {
      out.append(SvgCharts.horizontalBars("Seconds per step", bars,
          List.of(new SvgCharts.Series("seconds", PAIRS)), " s"));
    }
  }

  private void h2(String text) {
    out.append("<h2>").append(Html.escape(text)).append("</h2>\n");
  }

  private void p(String html) {
    out.append("<p>").append(html).append("</p>\n");
  }

  private void table(List<String> headers) {
    out.append("<table><tr>");
    headers.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
    out.append("</tr>\n");
  }

  private void row(String... cells) {
    out.append("<tr>");
    for (String cell : cells) {
      out.append("<td>").append(cell).append("</td>");
    }
    out.append("</tr>\n");
  }

  private void endTable() {
    out.append("</table>\n");
  }

  private static String code(String text) {
    return "<code>" + Html.escape(text) + "</code>";
  }

  private static String n(Long value) {
    return value == null ? "—" : SvgCharts.fmt(value);
  }

  private static String n(long value) {
    return SvgCharts.fmt(value);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  private static final String CSS = """
      body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
      table{border-collapse:collapse;margin:.5em 0 1em}
      th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
      td{font-variant-numeric:tabular-nums}
      code{font-size:.9em;background:#f4f4f4;white-space:pre-wrap;word-break:break-all}
      .ok{color:#2e7d32;font-weight:600}.bad{color:#c62828;font-weight:600}
      .failure{border:2px solid #c62828;background:#fdecea;padding:.5em 1em;margin:1em 0}
      svg.chart{display:block;margin:.5em 0 1.5em;font-size:11px}
      """;
}
