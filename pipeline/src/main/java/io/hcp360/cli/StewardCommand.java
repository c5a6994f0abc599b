package io.hcp360.cli;

import io.hcp360.db.Database;
import io.hcp360.evaluate.RecordKey;
import io.hcp360.steward.AuditEntry;
import io.hcp360.steward.AuditQuery;
import io.hcp360.steward.Decision;
import io.hcp360.steward.ItemStatus;
import io.hcp360.steward.PairView;
import io.hcp360.steward.QueueFilter;
import io.hcp360.steward.QueueItem;
import io.hcp360.steward.QueueOrder;
import io.hcp360.steward.StewardException;
import io.hcp360.steward.StewardService;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "steward", mixinStandardHelpOptions = true,
    description = "Review the merge queue: list it, show a pair side by side, approve, reject,"
        + " unmerge, link, split; list the decisions and the audit trail. Decisions stick in"
        + " every later run.",
    subcommands = {StewardCommand.Queue.class, StewardCommand.Show.class,
        StewardCommand.Approve.class, StewardCommand.Reject.class, StewardCommand.Skip.class,
        StewardCommand.Unmerge.class, StewardCommand.Link.class, StewardCommand.Split.class,
        StewardCommand.Decisions.class, StewardCommand.Audit.class})
final class StewardCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What every steward subcommand shares: the store, the rule set, the output. */
  abstract static class Base implements Callable<Integer> {
    @Mixin RulesOptions rules;
    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public final Integer call() {
      try (Database db = Database.open(database.settings(0))) {
        return run(new StewardService(db.jdbi(), rules.load()), spec.commandLine().getOut());
      }
    }

    abstract int run(StewardService steward, PrintWriter out);
  }

  /** A subcommand that decides: who does it. */
  abstract static class Acting extends Base {
    @Option(names = "--as", paramLabel = "NAME", defaultValue = "${env:USER}",
        description = "Who decides (default: $USER).")
    String who;

    String who() {
      return who != null && !who.isBlank() ? who : System.getProperty("user.name");
    }
  }

  @Command(name = "queue", mixinStandardHelpOptions = true,
      description = "List the merge queue: re-review items first, then the most useful (closest"
          + " to the match threshold, then the most published records joined).")
  static final class Queue extends Base {
    @Option(names = "--market", paramLabel = "CC", description = "Only pairs with a record of"
        + " this country.")
    String market;
    @Option(names = "--sources", paramLabel = "A-B", description = "Only this source pair:"
        + " crm-events.")
    String sources;
    @Option(names = "--min-score", description = "Lowest match weight.") Double minScore;
    @Option(names = "--max-score", description = "Highest match weight.") Double maxScore;
    @Option(names = "--status", split = ",", paramLabel = "STATUS",
        description = "open, needs_review, approved, rejected, gone (default: needs_review,open).")
    List<String> statuses;
    @Option(names = "--all", description = "Every status.") boolean all;
    @Option(names = "--informative", description = "Most informative for the model first"
        + " (match probability nearest 0.5): label these first on a cold start.")
    boolean informative;
    @Option(names = "--limit", defaultValue = "50", description = "At most N items (default 50).")
    int limit;

    @Override
    int run(StewardService steward, PrintWriter out) {
      Set<ItemStatus> wanted = all ? EnumSet.allOf(ItemStatus.class)
          : statuses == null ? Set.of()
          : statuses.stream().map(String::trim).map(ItemStatus::of)
              .collect(java.util.stream.Collectors.toSet());
      QueueFilter filter = QueueFilter.pending().withMarket(market).withSourcePair(sources)
          .withScores(minScore, maxScore).withStatuses(wanted)
          .withOrder(informative ? QueueOrder.INFORMATIVE : QueueOrder.USEFUL).withLimit(limit);
      List<QueueItem> items = steward.queue(filter);
      StewardText.queue(out, items, filter);
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a queue item: both records side by side, each comparison's level and"
          + " weight, the score and thresholds, the golden records it would join.")
  static final class Show extends Base {
    @Parameters(paramLabel = "ID", description = "The queue item.") long itemId;

    @Override
    int run(StewardService steward, PrintWriter out) {
      PairView view = steward.item(itemId).orElseThrow(() -> new StewardException(
          "no queue item " + itemId + " (./hcp360 steward queue lists them)"));
      StewardText.pair(out, view);
      return 0;
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve a queue item: the two records are one person (a must-link that every"
          + " later run applies).")
  static final class Approve extends Acting {
    @Parameters(paramLabel = "ID") long itemId;
    @Option(names = "--comment", description = "Why.") String comment;

    @Override
    int run(StewardService steward, PrintWriter out) {
      StewardText.decided(out, steward.approve(itemId, who(), comment));
      return 0;
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true,
      description = "Reject a queue item: the two records are different people (a cannot-link"
          + " that every later run applies).")
  static final class Reject extends Acting {
    @Parameters(paramLabel = "ID") long itemId;
    @Option(names = "--comment", description = "Why.") String comment;

    @Override
    int run(StewardService steward, PrintWriter out) {
      StewardText.decided(out, steward.reject(itemId, who(), comment));
      return 0;
    }
  }

  @Command(name = "skip", mixinStandardHelpOptions = true,
      description = "Put a queue item behind the others without deciding it.")
  static final class Skip extends Acting {
    @Parameters(paramLabel = "ID") long itemId;

    @Override
    int run(StewardService steward, PrintWriter out) {
      steward.skip(itemId, who());
      out.printf("skipped item %d: it now comes after the items not skipped%n", itemId);
      return 0;
    }
  }

  @Command(name = "unmerge", mixinStandardHelpOptions = true,
      description = "Take a source record out of a golden record: it is cannot-linked from every"
          + " other record the golden record holds now.")
  static final class Unmerge extends Acting {
    @Parameters(index = "0", paramLabel = "GOLDEN_ID") String goldenId;
    @Parameters(index = "1", paramLabel = "SOURCE:ID", converter = RecordKeys.class)
    RecordKey record;
    @Option(names = "--comment", description = "Why.") String comment;

    @Override
    int run(StewardService steward, PrintWriter out) {
      List<Decision> decisions = steward.unmerge(goldenId, record, who(), comment);
      out.printf("took %s out of %s: cannot-linked from %d record%s (decision%s %s)%n", record,
          decisions.get(0).goldenId(), decisions.size(), decisions.size() == 1 ? "" : "s",
          decisions.size() == 1 ? "" : "s", decisions.stream()
              .map(d -> Long.toString(d.decisionId())).collect(
                  java.util.stream.Collectors.joining(", ")));
      out.println("the next run keeps it apart from them");
      return 0;
    }
  }

  @Command(name = "link", mixinStandardHelpOptions = true,
      description = "Link two records the matcher did not propose: one person (a must-link).")
  static final class Link extends Acting {
    @Parameters(index = "0", paramLabel = "SOURCE:ID", converter = RecordKeys.class) RecordKey a;
    @Parameters(index = "1", paramLabel = "SOURCE:ID", converter = RecordKeys.class) RecordKey b;
    @Option(names = "--comment", description = "Why.") String comment;

    @Override
    int run(StewardService steward, PrintWriter out) {
      StewardText.decided(out, steward.link(a, b, who(), comment));
      return 0;
    }
  }

  @Command(name = "split", mixinStandardHelpOptions = true,
      description = "Split two records: different people (a cannot-link), merged or not.")
  static final class Split extends Acting {
    @Parameters(index = "0", paramLabel = "SOURCE:ID", converter = RecordKeys.class) RecordKey a;
    @Parameters(index = "1", paramLabel = "SOURCE:ID", converter = RecordKeys.class) RecordKey b;
    @Option(names = "--comment", description = "Why.") String comment;

    @Override
    int run(StewardService steward, PrintWriter out) {
      StewardText.decided(out, steward.split(a, b, who(), comment));
      return 0;
    }
  }

  @Command(name = "decisions", mixinStandardHelpOptions = true,
      description = "List the decisions in force (active, or waiting for re-review).")
  static final class Decisions extends Base {
    @Option(names = "--all", description = "Superseded decisions too.") boolean all;

    @Override
    int run(StewardService steward, PrintWriter out) {
      StewardText.decisions(out, steward.decisions(all));
      return 0;
    }
  }

  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = "Read the audit trail, newest first: every steward action and every run.")
  static final class Audit extends Base {
    @Option(names = "--actor", description = "Only this person's entries.") String actor;
    @Option(names = "--action", description = "approve, reject, skip, unmerge, link, split, flag,"
        + " run_started, run_finished.") String action;
    @Option(names = "--target", description = "Entries naming this (HCP000000042, crm/001A,"
        + " item 12, run 7).") String target;
    @Option(names = "--limit", defaultValue = "50") int limit;

    @Override
    int run(StewardService steward, PrintWriter out) {
      List<AuditEntry> entries = steward.audit(new AuditQuery(actor, action, target, limit));
      StewardText.audit(out, entries);
      return 0;
    }
  }

  /** SOURCE:ID, as in publish.hcp_xref (source, source_id). */
  static final class RecordKeys implements picocli.CommandLine.ITypeConverter<RecordKey> {
    @Override
    public RecordKey convert(String value) {
      int colon = value.indexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not SOURCE:ID (for example crm:001A)");
      }
      return new RecordKey(value.substring(0, colon), value.substring(colon + 1));
    }
  }
}
