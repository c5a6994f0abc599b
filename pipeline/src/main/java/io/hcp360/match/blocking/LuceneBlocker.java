package io.hcp360.match.blocking;

import io.hcp360.Hcp360Exception;
import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.BlockingRule;
import io.hcp360.match.rules.FuzzyLookup;
import io.hcp360.match.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds candidate pairs with Lucene. Every record is indexed once, on local disk
 * (MMapDirectory), with one keyword per blocking rule (the rule's field values joined); records
 * sharing a keyword are candidate pairs, except in blocks larger than the cap, which are reported.
 * Records that found no candidate get a fuzzy look-up.
 */
public final class LuceneBlocker {
  private static final Logger LOG = LoggerFactory.getLogger(LuceneBlocker.class);
  private static final String RULE_PREFIX = "block:";
  private static final String FUZZY = "fuzzy";
  private static final String SAME = "same";
  private static final String RECORD = "record";
  private static final char SEPARATOR = '\u001f';
  private static final int LARGEST = 5;

  private final RuleSet rules;
  private final PartyData data;
  private int[] records;

  public LuceneBlocker(RuleSet rules, PartyData data) {
    this.rules = rules;
    this.data = data;
  }

  /** The candidate pairs, distinct, with the report of how they were found. */
  public record Result(PairList pairs, BlockingReport report) {}

  public Result run() {
    Path dir;
    try {
      dir = Files.createTempDirectory("hcp360-lucene");
    } catch (IOException e) {
      throw new Hcp360Exception("cannot create the Lucene index folder: " + e.getMessage(), e);
    }
    try (MMapDirectory directory = new MMapDirectory(dir)) {
      long start = System.nanoTime();
      index(directory);
      LOG.info("  indexed {} records in {} s", String.format("%,d", data.size()),
          String.format("%.1f", (System.nanoTime() - start) / 1e9));
      start = System.nanoTime();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        records = records(reader);
        PairList pairs = new PairList();
        List<BlockingReport.RuleFigures> figures = new ArrayList<>();
        for (BlockingRule rule : rules.blocking()) {
          figures.add(block(reader, rule, pairs));
        }
        pairs.distinct();
        LOG.info("  {} pairs from the blocking rules in {} s", String.format("%,d", pairs.size()),
            String.format("%.1f", (System.nanoTime() - start) / 1e9));
        long fuzzyStart = System.nanoTime();
        BlockingReport.FuzzyFigures fuzzy = rules.fuzzy()
            .map(f -> fuzzy(reader, f, pairs))
            .orElse(new BlockingReport.FuzzyFigures(0, 0, 0, 0));
        LOG.info("  {} fuzzy look-ups found {} pairs in {} s",
            String.format("%,d", fuzzy.searched()), String.format("%,d", fuzzy.pairs()),
            String.format("%.1f", (System.nanoTime() - fuzzyStart) / 1e9));
        pairs.distinct();
        return new Result(pairs, new BlockingReport(data.size(), figures, fuzzy, pairs.size()));
      }
    } catch (IOException e) {
      throw new Hcp360Exception("blocking failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private void index(MMapDirectory directory) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig()
        .setRAMBufferSizeMB(1024)
        .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      List<List<FieldColumn>> ruleColumns = rules.blocking().stream()
          .map(r -> r.fields().stream().map(data::column).toList()).toList();
      boolean[] words = new boolean[ruleColumns.size()];
      for (int r = 0; r < words.length; r++) {
        words[r] = rules.blocking().get(r).words();
      }
      FieldColumn fuzzy = rules.fuzzy().map(f -> data.column(f.field())).orElse(null);
      FieldColumn same = rules.fuzzy().flatMap(FuzzyLookup::sameField).map(data::column)
          .orElse(null);
      for (int record = 0; record < data.size(); record++) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(RECORD, record));
        for (int r = 0; r < ruleColumns.size(); r++) {
          if (words[r]) {
            for (String key : wordKeys(ruleColumns.get(r), record)) {
              doc.add(new StringField(RULE_PREFIX + r, key, Field.Store.NO));
            }
            continue;
          }
          String key = key(ruleColumns.get(r), record);
          if (key != null) {
            doc.add(new StringField(RULE_PREFIX + r, key, Field.Store.NO));
          }
        }
        if (fuzzy != null && fuzzy.present(record)) {
          doc.add(new StringField(FUZZY, fuzzy.value(record), Field.Store.NO));
        }
        if (same != null && same.present(record)) {
          doc.add(new StringField(SAME, same.value(record), Field.Store.NO));
        }
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
  }

  /** Lucene's document numbers to record numbers (merges may reorder documents). */
  private static int[] records(DirectoryReader reader) throws IOException {
    LeafReader leaf = reader.leaves().get(0).reader();
    int[] records = new int[leaf.maxDoc()];
    NumericDocValues values = leaf.getNumericDocValues(RECORD);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = values.nextDoc()) {
      records[doc] = (int) values.longValue();
    }
    return records;
  }

  /** The rule's key of a record, or null when a field is absent. */
  private static String key(List<FieldColumn> columns, int record) {
    if (columns.size() == 1) {
      return columns.get(0).value(record);
    }
    StringBuilder key = new StringBuilder();
    for (FieldColumn column : columns) {
      String value = column.value(record);
      if (value == null) {
        return null;
      }
      if (!key.isEmpty()) {
        key.append(SEPARATOR);
      }
      key.append(value);
    }
    return key.toString();
  }

  /** Every combination of the words of the fields' values (none when one is absent). */
  private static List<String> wordKeys(List<FieldColumn> columns, int record) {
    List<String> keys = List.of("");
    for (FieldColumn column : columns) {
      String value = column.value(record);
      if (value == null) {
        return List.of();
      }
      List<String> next = new ArrayList<>();
      for (String prefix : keys) {
        for (String word : value.split(" ")) {
          if (!word.isEmpty()) {
            String key = prefix.isEmpty() ? word : prefix + SEPARATOR + word;
            if (!next.contains(key)) {
              next.add(key);
            }
          }
        }
      }
      keys = next;
    }
    return keys;
  }

  private BlockingReport.RuleFigures block(DirectoryReader reader, BlockingRule rule,
      PairList pairs) throws IOException {
    String field = RULE_PREFIX + rules.blocking().indexOf(rule);
    int blocks = 0;
    long made = 0;
    long cappedRecords = 0;
    PriorityQueue<BlockingReport.Block> largest =
        new PriorityQueue<>(Comparator.comparingInt(BlockingReport.Block::size));
    List<BlockingReport.Block> capped = new ArrayList<>();
    int[] members = new int[rules.blockCap()];
    LeafReader leaf = reader.leaves().get(0).reader();
    Terms terms = leaf.terms(field);
    if (terms != null) {
      TermsEnum termsEnum = terms.iterator();
      PostingsEnum postings = null;
      BytesRef term;
      while ((term = termsEnum.next()) != null) {
        int size = termsEnum.docFreq();
        if (size < 2) {
          continue;
        }
        blocks++;
        BlockingReport.Block block =
            new BlockingReport.Block(term.utf8ToString().replace(SEPARATOR, '|'), size);
        largest.add(block);
        if (largest.size() > LARGEST) {
          largest.poll();
        }
        if (size > rules.blockCap()) {
          capped.add(block);
          cappedRecords += size;
          continue;
        }
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        int n = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          members[n++] = records[doc];
        }
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++) {
            pairs.add(members[i], members[j]);
          }
        }
        made += (long) n * (n - 1) / 2;
      }
    }
    List<BlockingReport.Block> top = new ArrayList<>(largest);
    top.sort(Comparator.comparingInt(BlockingReport.Block::size).reversed());
    capped.sort(Comparator.comparingInt(BlockingReport.Block::size).reversed());
    if (!capped.isEmpty()) {
      LOG.warn("  blocking rule {}: {} blocks larger than {} records were not paired"
          + " ({} records; largest: {} with {})", rule.name(), capped.size(), rules.blockCap(),
          cappedRecords, capped.get(0).key(), capped.get(0).size());
    }
    return new BlockingReport.RuleFigures(rule.name(), blocks, made, top, capped, cappedRecords);
  }

  private BlockingReport.FuzzyFigures fuzzy(DirectoryReader reader, FuzzyLookup lookup,
      PairList pairs) {
    BitSet paired = new BitSet(data.size());
    for (int i = 0; i < pairs.size(); i++) {
      paired.set(PairList.left(pairs.get(i)));
      paired.set(PairList.right(pairs.get(i)));
    }
    FieldColumn field = data.column(lookup.field());
    FieldColumn same = lookup.sameField().map(data::column).orElse(null);
    int[] orphans = IntStream.range(0, data.size()).filter(r -> !paired.get(r)).toArray();
    IndexSearcher searcher = new IndexSearcher(reader);
    AtomicInteger searched = new AtomicInteger();
    AtomicInteger found = new AtomicInteger();
    List<long[]> perOrphan = IntStream.range(0, orphans.length).parallel().mapToObj(i -> {
      int record = orphans[i];
      if (!field.present(record) || (same != null && !same.present(record))) {
        return null;
      }
      searched.incrementAndGet();
      Query fuzzy = new FuzzyQuery(new Term(FUZZY, field.value(record)), lookup.maxEdits(),
          lookup.prefixLength());
      Query query = fuzzy;
      if (same != null) {
        query = new BooleanQuery.Builder()
            .add(fuzzy, BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(SAME, same.value(record))), BooleanClause.Occur.FILTER)
            .build();
      }
      try {
        ScoreDoc[] hits = searcher.search(query, lookup.limit() + 1).scoreDocs;
        long[] result = new long[hits.length];
        int n = 0;
        for (ScoreDoc hit : hits) {
          int other = records[hit.doc];
          if (other != record) {
            result[n++] = PairList.pack(record, other);
          }
        }
        if (n > 0) {
          found.incrementAndGet();
        }
        return java.util.Arrays.copyOf(result, Math.min(n, lookup.limit()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).filter(java.util.Objects::nonNull).toList();
    long made = 0;
    for (long[] result : perOrphan) {
      for (long pair : result) {
        pairs.add(PairList.left(pair), PairList.right(pair));
        made++;
      }
    }
    return new BlockingReport.FuzzyFigures(orphans.length, searched.get(), found.get(), made);
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }
}
