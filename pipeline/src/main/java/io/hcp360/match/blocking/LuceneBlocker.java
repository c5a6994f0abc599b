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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.MultiTerms;
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
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds candidate pairs with Lucene. Every record is indexed once, on local disk
 * (MMapDirectory), with one keyword per blocking rule (the rule's field values joined); records
 * sharing a keyword are candidate pairs, except in blocks larger than the cap, which are reported.
 * Records that found no candidate get a fuzzy look-up. An incremental run ({@link #around})
 * counts the same blocks in memory ({@link Blocks}) and makes its few look-ups over the distinct
 * values ({@link FuzzyLookups}), indexing no record.
 */
public final class LuceneBlocker {
  private static final Logger LOG = LoggerFactory.getLogger(LuceneBlocker.class);
  private static final String RULE_PREFIX = "block:";
  private static final String FUZZY = "fuzzy";
  private static final String SAME = "same";
  private static final String RECORD = "record";
  private static final char SEPARATOR = '\u001f';
  private static final int LARGEST = 5;

  /** Records per index part below which a part is not worth its own thread. */
  private static final int MIN_PART_RECORDS = 100_000;

  private final RuleSet rules;
  private final PartyData data;
  private final int parts;
  private int[] records;

  /** Indexes on all cores when the records are many enough. */
  public LuceneBlocker(RuleSet rules, PartyData data) {
    this(rules, data, Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
        data.size() / MIN_PART_RECORDS)));
  }

  /**
   * Indexes the records in this many ranges at once, each range an index of its own, read as
   * one (a MultiReader keeps the ranges in record order, so document numbers follow record
   * numbers as in one index, and fuzzy ties are broken the same way). The pairs do not depend
   * on the number of parts.
   */
  LuceneBlocker(RuleSet rules, PartyData data, int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1: " + parts);
    }
    this.rules = rules;
    this.data = data;
    this.parts = parts;
  }

  /** The candidate pairs, distinct, with the report of how they were found. */
  public record Result(PairList pairs, BlockingReport report) {}

  public Result run() {
    return withIndex(reader -> {
      long start = System.nanoTime();
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
    });
  }

  /** Work over an index of every record, on local disk, deleted afterwards. */
  private interface IndexWork<T> {
    T apply(IndexReader reader) throws IOException;
  }

  private <T> T withIndex(IndexWork<T> work) {
    Path dir;
    try {
      dir = Files.createTempDirectory("hcp360-lucene");
    } catch (IOException e) {
      throw new Hcp360Exception("cannot create the Lucene index folder: " + e.getMessage(), e);
    }
    List<MMapDirectory> directories = new ArrayList<>();
    List<DirectoryReader> readers = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (int part = 0; part < parts; part++) {
        directories.add(new MMapDirectory(dir.resolve("part-" + part)));
      }
      java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
        try {
          index(directories.get(part), (int) ((long) data.size() * part / parts),
              (int) ((long) data.size() * (part + 1) / parts));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      LOG.info("  indexed {} records in {} s", String.format("%,d", data.size()),
          String.format("%.1f", (System.nanoTime() - start) / 1e9));
      for (MMapDirectory directory : directories) {
        readers.add(DirectoryReader.open(directory));
      }
      try (MultiReader reader = new MultiReader(readers.toArray(IndexReader[]::new), false)) {
        records = records(reader);
        return work.apply(reader);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new Hcp360Exception("blocking failed: " + e.getMessage(), e);
    } finally {
      for (DirectoryReader reader : readers) {
        closeQuietly(reader);
      }
      for (MMapDirectory directory : directories) {
        closeQuietly(directory);
      }
      deleteQuietly(dir);
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.warn("could not close the Lucene index: {}", e.getMessage());
    }
  }

  /** The candidate pairs that touch a re-derived record, and the re-derived records. */
  public record Around(PairList pairs, int[] rederived) {}

  /**
   * An incremental run's candidate pairs: exactly the pairs of a full run's blocking that touch
   * a <b>re-derived</b> record. A record is re-derived when it is new or changed, when a block
   * it is in crossed the cap, when it stopped or started finding no candidate in the blocks (so
   * its fuzzy look-up came or went), or when it has a fuzzy look-up and a changed record is or
   * was within its edit distance. A full run's pairs that touch no re-derived record or changed
   * record are the last run's: same blocks under the cap, same fuzzy look-ups.
   *
   * @param changedNow the records new or changed since the last run
   * @param before the earlier versions of the changed and deleted records (same numbering)
   * @param changedBefore the records {@code before} holds
   */
  public Around around(int[] changedNow, PartyData before, int[] changedBefore) {
    List<Blocks> blocks = blocks();
    long start = System.nanoTime();
    try (FuzzyLookups lookups = rules.fuzzy().map(f -> new FuzzyLookups(data, f)).orElse(null)) {
      if (lookups != null) {
        LOG.info("  indexed the {} values for fuzzy look-ups in {} s", rules.fuzzy().get().field(),
            String.format("%.1f", (System.nanoTime() - start) / 1e9));
      }
      return new Neighbourhood(lookups, blocks, changedNow, before, changedBefore).around();
    } catch (IOException e) {
      throw new Hcp360Exception("blocking failed: " + e.getMessage(), e);
    }
  }

  /**
   * The fuzzy look-ups of some records as a full run makes them, over an index of every record:
   * what {@link FuzzyLookups} must give (for tests).
   */
  Map<Integer, long[]> fullRunLookUps(int[] lookedUp) {
    FuzzyLookup lookup = rules.fuzzy().orElseThrow();
    FieldColumn field = data.column(lookup.field());
    FieldColumn same = lookup.sameField().map(data::column).orElse(null);
    return withIndex(reader -> {
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<Integer, long[]> hits = new HashMap<>();
      for (int record : lookedUp) {
        hits.put(record, !field.present(record) || (same != null && !same.present(record))
            ? new long[0] : topHits(searcher, lookup, field, same, record));
      }
      return hits;
    });
  }

  /** Every blocking rule's blocks, counted in memory (the rules at once, on all cores). */
  private List<Blocks> blocks() {
    long start = System.nanoTime();
    List<List<FieldColumn>> columns = ruleColumns(data);
    List<Blocks> blocks = IntStream.range(0, columns.size()).parallel()
        .mapToObj(r -> Blocks.of(columns.get(r), rules.blocking().get(r).words(), data.size()))
        .toList();
    LOG.info("  indexed the blocking keys of {} records in memory in {} s",
        String.format("%,d", data.size()),
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return blocks;
  }

  /** The work of {@link #around}, over every rule's blocks and the fuzzy look-ups' index. */
  private final class Neighbourhood {
    private final List<Blocks> blocks;
    private final FuzzyLookups lookups;
    private final int[] changedNow;
    private final PartyData before;
    private final int[] changedBefore;
    private final Optional<FuzzyLookup> lookup = rules.fuzzy();
    /**
     * Per rule: how many more records a key had before than now (changed records only), for
     * the keys some record has now.
     */
    private final List<Map<Integer, Integer>> growth = new ArrayList<>();

    Neighbourhood(FuzzyLookups lookups, List<Blocks> blocks, int[] changedNow, PartyData before,
        int[] changedBefore) {
      this.blocks = blocks;
      this.lookups = lookups;
      this.changedNow = changedNow;
      this.before = before;
      this.changedBefore = changedBefore;
    }

    Around around() throws IOException {
      long start = System.nanoTime();
      List<List<FieldColumn>> beforeColumns = ruleColumns(before);
      for (int r = 0; r < blocks.size(); r++) {
        Map<Integer, Integer> delta = new HashMap<>();
        for (int record : changedNow) {
          for (int key : blocks.get(r).keys(record)) {
            delta.merge(key, -1, Integer::sum);
          }
        }
        // A key no record has now makes no pairs now, whatever it made before.
        IntFunction<int[]> keysBefore = blocks.get(r).keysIn(beforeColumns.get(r));
        for (int record : changedBefore) {
          for (int key : keysBefore.apply(record)) {
            delta.merge(key, 1, Integer::sum);
          }
        }
        growth.add(delta);
      }
      BitSet paired = pairedNow();
      Orphans orphans = new Orphans(paired);
      BitSet rederived = new BitSet(data.size());
      for (int record : changedNow) {
        rederived.set(record);
      }
      BitSet changed = (BitSet) rederived.clone();
      for (int record : changedBefore) {
        changed.set(record);
      }
      // Blocks that started or stopped making pairs (crossed the cap, or went from one record
      // to two or back): their records' pairs changed, and so may whether they need a look-up.
      // A record's look-up can only come or go through such a block.
      for (int r = 0; r < growth.size(); r++) {
        Blocks ruleBlocks = blocks.get(r);
        for (Map.Entry<Integer, Integer> e : growth.get(r).entrySet()) {
          int now = ruleBlocks.size(e.getKey());
          if (usable(now) != usable(now + e.getValue())) {
            for (int member : ruleBlocks.members(e.getKey())) {
              rederived.set(member);
            }
          }
        }
      }
      // Records with a fuzzy look-up that a changed record is, or was, within reach of.
      FieldColumn fuzzyNow = lookup.map(f -> data.column(f.field())).orElse(null);
      FieldColumn sameNow = lookup.flatMap(FuzzyLookup::sameField).map(data::column)
          .orElse(null);
      if (fuzzyNow != null) {
        FieldColumn fuzzyThen = before.column(lookup.get().field());
        FieldColumn sameThen = lookup.get().sameField().map(before::column).orElse(null);
        for (int record : changedNow) {
          orphans.near(fuzzyNow, sameNow, record).forEach(rederived::set);
        }
        for (int record : changedBefore) {
          orphans.near(fuzzyThen, sameThen, record).forEach(rederived::set);
        }
      }
      // The fuzzy look-ups the pairs need, made on all cores first: the re-derived records'
      // own, and those of records with a look-up of their own that may find one of them.
      Map<Integer, int[]> nearOf = new HashMap<>();
      Map<Integer, long[]> lookUps = new java.util.concurrent.ConcurrentHashMap<>();
      if (fuzzyNow != null) {
        java.util.Set<Integer> searchedFor = new java.util.TreeSet<>();
        for (int x = rederived.nextSetBit(0); x >= 0; x = rederived.nextSetBit(x + 1)) {
          if (!data.present(x)) {
            continue;
          }
          if (!paired.get(x)) {
            searchedFor.add(x);
          }
          int[] near = orphans.near(fuzzyNow, sameNow, x).stream()
              .mapToInt(Integer::intValue).filter(y -> !rederived.get(y)).toArray();
          nearOf.put(x, near);
          for (int y : near) {
            searchedFor.add(y);
          }
        }
        searchedFor.parallelStream().forEach(r -> lookUps.put(r, lookUp(r)));
      }
      // Every candidate pair that touches a re-derived record.
      PairList pairs = new PairList();
      for (int x = rederived.nextSetBit(0); x >= 0; x = rederived.nextSetBit(x + 1)) {
        if (!data.present(x)) {
          continue;
        }
        for (Blocks ruleBlocks : blocks) {
          for (int key : ruleBlocks.keys(x)) {
            if (usable(ruleBlocks.size(key))) {
              for (int member : ruleBlocks.members(key)) {
                pairs.add(x, member);
              }
            }
          }
        }
        if (fuzzyNow != null && !paired.get(x)) {
          for (long pair : lookUps.get(x)) {
            pairs.add(PairList.left(pair), PairList.right(pair));
          }
        }
        if (fuzzyNow != null) {
          // Records with a look-up of their own that finds x among their closest.
          for (int y : nearOf.get(x)) {
            for (long pair : lookUps.get(y)) {
              if (PairList.left(pair) == x || PairList.right(pair) == x) {
                pairs.add(x, y);
              }
            }
          }
        }
      }
      pairs.distinct();
      LOG.info("  {} records re-derived around {} changed; {} candidate pairs in {} s",
          String.format("%,d", rederived.cardinality()),
          String.format("%,d", changed.cardinality()), String.format("%,d", pairs.size()),
          String.format("%.1f", (System.nanoTime() - start) / 1e9));
      return new Around(pairs, rederived.stream().toArray());
    }

    /** Whether a block of this size makes pairs. */
    private boolean usable(int size) {
      return size >= 2 && size <= rules.blockCap();
    }

    /** The records a full run's blocking pairs now (the others get a fuzzy look-up). */
    private BitSet pairedNow() {
      BitSet paired = new BitSet(data.size());
      for (Blocks ruleBlocks : blocks) {
        ruleBlocks.addMembers(2, rules.blockCap(), paired);
      }
      return paired;
    }

    /**
     * The records that get a fuzzy look-up now (no pairs from the blocks), by the value of the
     * look-up's same-value field and the prefix its look-up keeps: which of them a changed
     * record is within reach of is asked once per changed and re-derived record, and a look-up
     * only reaches values with that prefix and that same-field value.
     */
    private final class Orphans {
      private final Map<String, List<Integer>> byPrefix = new HashMap<>();
      private final int prefix = lookup.map(FuzzyLookup::prefixLength).orElse(0);
      private final int maxEdits = lookup.map(FuzzyLookup::maxEdits).orElse(0);
      private final FieldColumn fuzzyColumn = lookup.map(f -> data.column(f.field())).orElse(null);
      private final IndexSearcher orphanSearcher;
      private final int[] recordOf;
      private final LevenshteinDistance levenshtein = new LevenshteinDistance(2 * maxEdits);

      Orphans(BitSet paired) throws IOException {
        FieldColumn same = lookup.flatMap(FuzzyLookup::sameField).map(data::column)
            .orElse(null);
        List<Integer> records = new ArrayList<>();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
          for (int r = paired.nextClearBit(0); fuzzyColumn != null && r < data.size();
              r = paired.nextClearBit(r + 1)) {
            if (!data.present(r) || !fuzzyColumn.present(r)
                || (same != null && !same.present(r))) {
              continue;
            }
            String value = fuzzyColumn.value(r);
            byPrefix.computeIfAbsent(bucket(value, same == null ? null : same.value(r)),
                k -> new ArrayList<>()).add(r);
            Document doc = new Document();
            doc.add(new StringField(FUZZY, value, Field.Store.NO));
            if (same != null) {
              doc.add(new StringField(SAME, same.value(r), Field.Store.NO));
            }
            writer.addDocument(doc);
            records.add(r);
          }
          writer.forceMerge(1);
        }
        this.recordOf = records.stream().mapToInt(Integer::intValue).toArray();
        this.orphanSearcher = new IndexSearcher(DirectoryReader.open(directory));
      }

      private String bucket(String value, String sameValue) {
        int end = value.offsetByCodePoints(0, Math.min(prefix, value.codePointCount(0,
            value.length())));
        return (sameValue == null ? "" : sameValue) + SEPARATOR + value.substring(0, end);
      }

      /**
       * The records with a look-up that may reach a record with these values: those with the
       * same prefix and same-field value whose length is within the edit distance (a few more
       * than the look-up reaches, never fewer: re-deriving one more record costs only time).
       */
      List<Integer> near(FieldColumn fuzzy, FieldColumn same, int record) throws IOException {
        if (recordOf.length == 0 || !fuzzy.present(record)
            || (same != null && !same.present(record))) {
          return List.of();
        }
        String value = fuzzy.value(record);
        String sameValue = same == null ? null : same.value(record);
        int length = value.codePointCount(0, value.length());
        if (length < prefix) {
          return searched(value, sameValue);  // its prefix is shorter than the others'
        }
        List<Integer> near = new ArrayList<>();
        for (int other : byPrefix.getOrDefault(bucket(value, sameValue), List.of())) {
          String v = fuzzyColumn.value(other);
          // A transposition is one edit for the look-up, two for Levenshtein.
          int vLength = v.codePointCount(0, v.length());
          boolean bmp = vLength == v.length() && length == value.length();
          if (Math.abs(vLength - length) <= maxEdits
              && (!bmp || levenshtein.apply(v, value) >= 0)) {
            near.add(other);
          }
        }
        return near;
      }

      /** The look-up's own query over the records with a look-up. */
      private List<Integer> searched(String value, String sameValue) throws IOException {
        List<Integer> near = new ArrayList<>();
        orphanSearcher.search(fuzzyQuery(lookup.get(), value, sameValue),
            new org.apache.lucene.search.SimpleCollector() {
              private int base;

              @Override
              protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
                base = context.docBase;
              }

              @Override
              public void collect(int doc) {
                near.add(recordOf[base + doc]);
              }

              @Override
              public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
              }
            });
        return near;
      }
    }

    /** A record's own fuzzy look-up, as a full run makes it. */
    private long[] lookUp(int record) {
      return lookups.topHits(record);
    }
  }

  /** Indexes records {@code from} (inclusive) to {@code to} (exclusive), in record order. */
  private void index(MMapDirectory directory, int from, int to) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig()
        .setRAMBufferSizeMB(1024)
        .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      List<List<FieldColumn>> ruleColumns = ruleColumns(data);
      FieldColumn fuzzy = rules.fuzzy().map(f -> data.column(f.field())).orElse(null);
      FieldColumn same = rules.fuzzy().flatMap(FuzzyLookup::sameField).map(data::column)
          .orElse(null);
      for (int record = from; record < to; record++) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(RECORD, record));
        for (int r = 0; r < ruleColumns.size(); r++) {
          for (String key : keys(ruleColumns, r, record)) {
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

  /** Each blocking rule's fields, as columns of some party data. */
  private List<List<FieldColumn>> ruleColumns(PartyData of) {
    return rules.blocking().stream()
        .map(r -> r.fields().stream().map(of::column).toList()).toList();
  }

  /** A record's keys for blocking rule r (none, one, or one per word combination). */
  private List<String> keys(List<List<FieldColumn>> ruleColumns, int r, int record) {
    if (rules.blocking().get(r).words()) {
      return wordKeys(ruleColumns.get(r), record);
    }
    String key = key(ruleColumns.get(r), record);
    return key == null ? List.of() : List.of(key);
  }

  /** Lucene's document numbers to record numbers (merges may reorder documents). */
  private static int[] records(IndexReader reader) throws IOException {
    int[] records = new int[reader.maxDoc()];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues values = leaf.reader().getNumericDocValues(RECORD);
      if (values == null) {
        continue;
      }
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        records[leaf.docBase + doc] = (int) values.longValue();
      }
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
      List<String> words = KeyParts.words(value);
      List<String> next = new ArrayList<>();
      for (String prefix : keys) {
        for (String word : words) {
          String key = prefix.isEmpty() ? word : prefix + SEPARATOR + word;
          if (!next.contains(key)) {
            next.add(key);
          }
        }
      }
      keys = next;
    }
    return keys;
  }

  private BlockingReport.RuleFigures block(IndexReader reader, BlockingRule rule,
      PairList pairs) throws IOException {
    String field = RULE_PREFIX + rules.blocking().indexOf(rule);
    int blocks = 0;
    long made = 0;
    long cappedRecords = 0;
    PriorityQueue<BlockingReport.Block> largest =
        new PriorityQueue<>(Comparator.comparingInt(BlockingReport.Block::size));
    List<BlockingReport.Block> capped = new ArrayList<>();
    int[] members = new int[rules.blockCap()];
    Terms terms = MultiTerms.getTerms(reader, field);
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

  private BlockingReport.FuzzyFigures fuzzy(IndexReader reader, FuzzyLookup lookup,
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
      long[] result = topHits(searcher, lookup, field, same, record);
      if (result.length > 0) {
        found.incrementAndGet();
      }
      return result;
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

  /** A fuzzy look-up's query for a value (and the value of the field that must be the same). */
  private static Query fuzzyQuery(FuzzyLookup lookup, String value, String sameValue) {
    Query fuzzy = new FuzzyQuery(new Term(FUZZY, value), lookup.maxEdits(),
        lookup.prefixLength());
    if (sameValue == null) {
      return fuzzy;
    }
    return new BooleanQuery.Builder()
        .add(fuzzy, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(SAME, sameValue)), BooleanClause.Occur.FILTER)
        .build();
  }

  /** A record's fuzzy look-up: its pairs with the closest records, at most the limit. */
  private long[] topHits(IndexSearcher searcher, FuzzyLookup lookup, FieldColumn field,
      FieldColumn same, int record) {
    Query query = fuzzyQuery(lookup, field.value(record),
        same == null ? null : same.value(record));
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
      return java.util.Arrays.copyOf(result, Math.min(n, lookup.limit()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
