package io.hcp360.match.blocking;

import io.hcp360.match.data.FieldColumn;
import io.hcp360.match.data.PartyData;
import io.hcp360.match.rules.FuzzyLookup;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Fuzzy look-ups that find what a full run's Lucene query over every record finds (see
 * {@link LuceneBlocker}), without indexing every record: an incremental run makes a few
 * thousand look-ups and would otherwise index a million records for them.
 *
 * <p>The full run's query is a {@link FuzzyQuery} on the look-up's field (at most
 * {@link FuzzyQuery#defaultMaxExpansions} terms, by its default rewrite, which blends the terms'
 * document frequencies) with the same-field value as a filter. What it returns depends on the
 * index only through:
 *
 * <ul>
 *   <li>the terms it expands to: Lucene's own {@link FuzzyTermsEnum} over the distinct values
 *       (indexed here once each) gives every term within reach with its boost, and the
 *       expansion keeps the top ones by boost, ties to the lower term, as {@code TopTermsRewrite}
 *       keeps them;
 *   <li>the hits' order: with blended frequencies every term has the same weight, and a value
 *       field has one term per record and no norms, so a hit scores its term's boost (0 for a
 *       negative one) times one factor, and equal scores go by document number, which is the
 *       record number;
 *   <li>the filter: records with that same-field value.
 * </ul>
 *
 * So the hits are the records holding an expanded term and the same-field value, by score (the
 * term's boost, 0 for a negative one; descending), then record. {@code FuzzyLookupsTest} compares every record's look-up with the
 * Lucene query's.
 */
final class FuzzyLookups implements Closeable {
  private static final String FIELD = "value";

  private final FuzzyLookup lookup;
  private final FieldColumn fuzzy;
  private final FieldColumn same;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final Terms terms;
  private final Map<String, Integer> codeOf = new HashMap<>();
  /**
   * The records holding fuzzy code c: members[start[c]..start[c + 1]), by same-field code (in
   * {@code sameOf}, ABSENT first), then record.
   */
  private final int[] start;
  private final int[] members;
  private final int[] sameOf;
  /** The expansions of the values looked up so far (records share values). */
  private final Map<String, List<Expansion>> expanded =
      new java.util.concurrent.ConcurrentHashMap<>();

  FuzzyLookups(PartyData data, FuzzyLookup lookup) {
    this.lookup = lookup;
    this.fuzzy = data.column(lookup.field());
    this.same = lookup.sameField().map(data::column).orElse(null);
    // Records with a value, by same-field code then record (a stable counting sort), then by
    // value code (another): each value's records by same-field code, then record.
    int sameCodes = same == null ? 1 : same.codes() + 1;
    int[] bySame = new int[sameCodes + 1];
    for (int r = 0; r < data.size(); r++) {
      if (fuzzy.present(r)) {
        bySame[sameCode(r) + 2]++;
      }
    }
    for (int c = 0; c < sameCodes; c++) {
      bySame[c + 1] += bySame[c];
    }
    int[] sorted = new int[bySame[sameCodes]];
    for (int r = 0; r < data.size(); r++) {
      if (fuzzy.present(r)) {
        sorted[bySame[sameCode(r) + 1]++] = r;
      }
    }
    start = new int[fuzzy.codes() + 1];
    for (int r : sorted) {
      start[fuzzy.code(r) + 1]++;
    }
    for (int c = 0; c < fuzzy.codes(); c++) {
      start[c + 1] += start[c];
    }
    members = new int[sorted.length];
    sameOf = new int[sorted.length];
    int[] next = Arrays.copyOf(start, fuzzy.codes());
    for (int r : sorted) {
      int at = next[fuzzy.code(r)]++;
      members[at] = r;
      sameOf[at] = sameCode(r);
    }
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (int c = 0; c < fuzzy.codes(); c++) {
        if (start[c + 1] > start[c]) {  // a value some record holds: a term of the full index
          String value = fuzzy.valueOf(c);
          codeOf.put(value, c);
          Document doc = new Document();
          doc.add(new StringField(FIELD, value, Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      writer.forceMerge(1);
      writer.commit();
      reader = DirectoryReader.open(directory);
      terms = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader().terms(FIELD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A term the query expands to, with its boost. */
  private record Expansion(BytesRef term, float boost) {}

  /**
   * A record's look-up: its pairs with the closest records (itself left out), at most the
   * look-up's limit, as {@link LuceneBlocker}'s full-run query gives them. None when the record
   * has no value or no same-field value.
   */
  long[] topHits(int record) {
    if (!fuzzy.present(record) || (same != null && !same.present(record)) || terms == null) {
      return new long[0];
    }
    List<Expansion> expansions = expansions(fuzzy.value(record));
    int sameCode = same == null ? FieldColumn.ABSENT : same.code(record);
    // Hits by score, then record: the terms of one score are merged by record. A term scores
    // its boost, or 0 where the boost is negative (a term farther from a short value than it
    // is long), as the rewritten query weighs it.
    int[] hits = new int[lookup.limit() + 1];
    int n = 0;
    for (int i = 0; i < expansions.size() && n < hits.length; ) {
      int j = i;
      while (j < expansions.size()
          && score(expansions.get(j)) == score(expansions.get(i))) {
        j++;
      }
      List<Integer> tied = new ArrayList<>();
      for (int k = i; k < j; k++) {
        int code = codeOf.get(expansions.get(k).term().utf8ToString());
        int from = start[code];
        int to = start[code + 1];
        if (same != null) {  // the run of records with the record's same-field value
          from = firstAtLeast(sameOf, from, to, sameCode);
          to = firstAtLeast(sameOf, from, to, sameCode + 1);
        }
        for (int m = from; m < to; m++) {
          tied.add(members[m]);
        }
      }
      tied.sort(null);
      for (int k = 0; k < tied.size() && n < hits.length; k++) {
        hits[n++] = tied.get(k);
      }
      i = j;
    }
    long[] result = new long[n];
    int kept = 0;
    for (int k = 0; k < n; k++) {
      int other = hits[k];
      if (other != record) {
        result[kept++] = PairList.pack(record, other);
      }
    }
    return Arrays.copyOf(result, Math.min(kept, lookup.limit()));
  }

  private int sameCode(int record) {
    return same == null ? FieldColumn.ABSENT : same.code(record);
  }

  /** The first index in [from, to) whose value is at least {@code value} (values sorted). */
  private static int firstAtLeast(int[] values, int from, int to, int value) {
    int low = from;
    int high = to;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (values[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static float score(Expansion expansion) {
    return Math.max(0f, expansion.boost());
  }

  /**
   * The terms a fuzzy query for the value expands to: by boost (descending; the top ones are
   * kept by their boost as the enum gives it, negative ones included), then term.
   */
  private List<Expansion> expansions(String value) {
    return expanded.computeIfAbsent(value, this::expand);
  }

  private List<Expansion> expand(String value) {
    List<Expansion> all = new ArrayList<>();
    try {
      FuzzyTermsEnum within = new FuzzyTermsEnum(terms, new Term(FIELD, value),
          lookup.maxEdits(), lookup.prefixLength(), FuzzyQuery.defaultTranspositions);
      for (BytesRef term = within.next(); term != null; term = within.next()) {
        all.add(new Expansion(BytesRef.deepCopyOf(term), within.getBoost()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(Expansion::boost, Comparator.reverseOrder())
        .thenComparing(Expansion::term));
    return List.copyOf(all.subList(0, Math.min(all.size(), FuzzyQuery.defaultMaxExpansions)));
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
