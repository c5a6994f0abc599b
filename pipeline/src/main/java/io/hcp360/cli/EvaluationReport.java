package io.hcp360.cli;

import io.hcp360.evaluate.BCubed;
import io.hcp360.evaluate.Evaluation;
import io.hcp360.evaluate.PairCounts;
import io.hcp360.evaluate.PartySummary;
import io.hcp360.evaluate.RecordKey;
import io.hcp360.evaluate.RecordPair;
import io.hcp360.evaluate.ReviewBand;
import io.hcp360.evaluate.SourcePairBreakdown;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code evaluate} prints; figures in the root locale so scripts can read them. */
final class EvaluationReport {
  private final Path truthFile;
  private final Evaluation evaluation;
  private final ReviewBand review;
  private final List<RecordPair> falseMerges;
  private final List<RecordPair> missedMatches;
  private final Map<RecordKey, PartySummary> parties;
  private final int examples;

  EvaluationReport(Path truthFile, Evaluation evaluation, ReviewBand review,
      List<RecordPair> falseMerges, List<RecordPair> missedMatches,
      Map<RecordKey, PartySummary> parties, int examples) {
    this.truthFile = truthFile;
    this.evaluation = evaluation;
    this.review = review;
    this.falseMerges = falseMerges;
    this.missedMatches = missedMatches;
    this.parties = parties;
    this.examples = examples;
  }

  void print(PrintWriter out) {
    Evaluation e = evaluation;
    line(out, "Evaluation of the published clusters against %s", truthFile);
    out.println();
    line(out, "  records      %,d in both; %,d truth records not published, %,d published records"
        + " not in the truth", e.commonRecords(), e.truthOnly(), e.predictedOnly());
    PairCounts p = e.pairwise();
    line(out, "  pairwise     precision %.4f  recall %.4f  F1 %.4f", p.precision(), p.recall(),
        p.f1());
    line(out, "               true positives %,d  false positives %,d  false negatives %,d",
        p.truePositives(), p.falsePositives(), p.falseNegatives());
    BCubed b = e.bCubed();
    line(out, "  B-cubed      precision %.4f  recall %.4f  F1 %.4f", b.precision(), b.recall(),
        b.f1());
    line(out, "  review band  %,d pairs, %,d party records (%.2f%% of %,d published)",
        review.pairs(), review.records(), review.percentOfPublished(), review.publishedRecords());
    out.println();
    line(out, "By source pair (most true pairs first):");
    line(out, "  %-20s %12s %12s %12s %12s %10s %8s %8s", "pair", "true pairs", "TP", "FP", "FN",
        "precision", "recall", "F1");
    for (SourcePairBreakdown.Line l : e.bySourcePair()) {
      PairCounts c = l.counts();
      line(out, "  %-20s %,12d %,12d %,12d %,12d %10.4f %8.4f %8.4f", l.pair(), c.truePairs(),
          c.truePositives(), c.falsePositives(), c.falseNegatives(), c.precision(), c.recall(),
          c.f1());
    }
    examples(out, "False merges", "one golden record, different people", falseMerges);
    examples(out, "Missed matches", "one person, different golden records", missedMatches);
  }

  private void examples(PrintWriter out, String title, String meaning, List<RecordPair> pairs) {
    if (examples == 0) {
      return;
    }
    out.println();
    line(out, "%s (%s): %d shown, up to %d", title, meaning, pairs.size(), examples);
    for (int i = 0; i < pairs.size(); i++) {
      line(out, "  %2d. %s", i + 1, describe(pairs.get(i).left()));
      line(out, "      %s", describe(pairs.get(i).right()));
    }
  }

  private String describe(RecordKey key) {
    PartySummary p = parties.get(key);
    if (p == null) {
      return key + "  (not in hcp.party)";
    }
    return String.format(Locale.ROOT, "%-30s %s %s  npi %s  email %s", key, blank(p.firstName()),
        blank(p.lastName()), blank(p.npi()), blank(p.email()));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private static void line(PrintWriter out, String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }
}
