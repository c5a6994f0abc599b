package io.hcp360.cli;

import io.hcp360.steward.AuditEntry;
import io.hcp360.steward.ComparisonView;
import io.hcp360.steward.Decision;
import io.hcp360.steward.PairView;
import io.hcp360.steward.QueueFilter;
import io.hcp360.steward.QueueItem;
import io.hcp360.steward.QueueOrder;
import io.hcp360.steward.RecordView;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How the steward commands print the queue, a pair, decisions and the audit trail. */
final class StewardText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private StewardText() {}

  static void queue(PrintWriter out, List<QueueItem> items, QueueFilter filter) {
    if (items.isEmpty()) {
      out.println("the merge queue has no items of that kind");
      return;
    }
    out.printf("%d item%s, re-review first, then %s:%n%n", items.size(),
        items.size() == 1 ? "" : "s", filter.order() == QueueOrder.INFORMATIVE
            ? "match probability nearest 0.5 (most informative for the model)"
            : "closest to the match threshold, then the most records joined");
    out.printf("%6s  %-12s %6s %5s %8s %5s  %-9s %s%n", "item", "status", "score", "p",
        "to match", "joins", "market", "pair");
    for (QueueItem i : items) {
      out.printf("%6d  %-12s %6s %5s %8s %5d  %-9s %s ~ %s   %s | %s%n", i.itemId(),
          i.status().key(), i.score() == null ? "-" : String.format("%.2f", i.score()),
          i.probability() == null ? "-" : String.format("%.2f", i.probability()),
          i.score() == null ? "-" : String.format("%.2f", i.matchThreshold() - i.score()),
          i.recordsJoined(), i.market() == null ? "-" : i.market(), i.left(), i.right(),
          orDash(i.leftName()), orDash(i.rightName()));
      if (i.reviewReason() != null) {
        out.printf("%6s  re-review: %s%n", "", i.reviewReason());
      }
    }
  }

  static void pair(PrintWriter out, PairView view) {
    QueueItem item = view.item();
    out.printf("Item %d (%s), %s%s%n", item.itemId(), item.status().key(), item.sourcePair(),
        item.market() == null ? "" : ", " + item.market());
    if (item.score() != null) {
      out.printf("score %.2f (match probability %.2f); thresholds: review %.2f, match %.2f"
          + " (%.2f below match)%n", item.score(), item.probability(), item.reviewThreshold(),
          item.matchThreshold(), item.matchThreshold() - item.score());
    } else {
      out.printf("not scored: the matcher did not propose this pair in the last run;"
          + " thresholds: review %.2f, match %.2f%n", item.reviewThreshold(),
          item.matchThreshold());
    }
    if (item.reviewReason() != null) {
      out.println("RE-REVIEW: " + item.reviewReason());
    }
    out.println("decision in force: " + view.decision().map(StewardText::decision)
        .orElse("none"));
    RecordView l = view.left();
    RecordView r = view.right();
    out.println();
    row(out, "", l.key().toString(), r.key().toString());
    row(out, "golden record", golden(l), golden(r));
    Set<String> columns = new LinkedHashSet<>(l.values().keySet());
    columns.addAll(r.values().keySet());
    for (String column : columns) {
      String a = l.values().get(column);
      String b = r.values().get(column);
      if (a != null || b != null) {
        row(out, column, orDash(a), orDash(b));
      }
    }
    out.println();
    if (view.comparisons().isEmpty()) {
      out.println("no comparison levels: the last run did not score this pair");
      return;
    }
    out.printf("  %-16s %-22s %7s   %-26s %s%n", "comparison", "level", "weight",
        "compared: " + l.key(), r.key());
    double total = 0;
    for (ComparisonView c : view.comparisons()) {
      total += c.weight();
      out.printf("  %-16s %-22s %+7.2f   %-26s %s%n", c.comparison(), c.level(), c.weight(),
          c.field() == null ? "" : orDash(c.leftValue()), c.field() == null ? ""
              : orDash(c.rightValue()));
    }
    out.printf("  %-16s %-22s %+7.2f%n", "total", "", total);
  }

  static void decided(PrintWriter out, Decision d) {
    out.printf("%s: %s%n", d.mustLink() ? "must-link" : "cannot-link", decision(d));
    out.println(d.mustLink() ? "the next run puts the two records in one golden record"
        : "the next run keeps the two records in different golden records");
  }

  static void decisions(PrintWriter out, List<Decision> decisions) {
    if (decisions.isEmpty()) {
      out.println("no decisions yet");
      return;
    }
    for (Decision d : decisions) {
      out.printf("%6d  %-12s %-11s %s ~ %s  by %s at %s%s%s%n", d.decisionId(),
          d.status().key(), d.action().key(), d.left(), d.right(), d.decidedBy(),
          TIME.format(d.decidedAt()), d.goldenId() == null ? "" : " from " + d.goldenId(),
          d.comment() == null ? "" : ": \"" + d.comment() + "\"");
      if (d.reviewReason() != null) {
        out.printf("%6s  re-review: %s%n", "", d.reviewReason());
      }
    }
  }

  static void audit(PrintWriter out, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      out.println("no audit entries of that kind");
      return;
    }
    for (AuditEntry e : entries) {
      out.printf("%6d  %s  %-10s %-12s %s%s%n", e.auditId(), TIME.format(e.at()), e.actor(),
          e.action(), e.target(), e.comment() == null ? "" : ": \"" + e.comment() + "\"");
      if (e.before() != null) {
        out.printf("%6s  before %s%n", "", e.before());
      }
      if (e.after() != null) {
        out.printf("%6s  after  %s%n", "", e.after());
      }
    }
  }

  private static String decision(Decision d) {
    return "decision " + d.decisionId() + ", " + d.action().key() + " " + d.left() + " ~ "
        + d.right() + " by " + d.decidedBy() + " at " + TIME.format(d.decidedAt())
        + (d.status() == io.hcp360.steward.DecisionStatus.ACTIVE ? ""
            : " (" + d.status().key() + ")");
  }

  private static String golden(RecordView r) {
    return r.goldenId() == null ? "(not published)"
        : r.goldenId() + " (" + r.goldenRecords() + " record" + (r.goldenRecords() == 1 ? ""
            : "s") + ")";
  }

  private static void row(PrintWriter out, String label, String left, String right) {
    out.printf("  %-16s %-32s %s%n", label, clip(left), clip(right));
  }

  private static String clip(String s) {
    return s.length() > 32 ? s.substring(0, 29) + "..." : s;
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
