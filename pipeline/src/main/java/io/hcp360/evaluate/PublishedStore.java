package io.hcp360.evaluate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The published clusters and the match review band, as the store holds them. */
public final class PublishedStore {
  private final EvaluationDao dao;

  public PublishedStore(Jdbi jdbi) {
    this.dao = jdbi.onDemand(EvaluationDao.class);
  }

  /** The published clusters: records with the same golden ID in {@code publish.hcp_xref}. */
  public Clusters clusters() {
    Map<RecordKey, String> labels = new HashMap<>();
    for (EvaluationDao.Published p : dao.published()) {
      labels.put(new RecordKey(p.source(), p.sourceId()), p.goldenId());
    }
    return Clusters.of(labels);
  }

  public ReviewBand reviewBand() {
    return new ReviewBand(dao.reviewPairs(), dao.reviewRecords(), dao.publishedRecords());
  }

  /** The party records of these keys that {@code hcp.party} has, by key. */
  public Map<RecordKey, PartySummary> parties(Collection<RecordKey> keys) {
    List<RecordKey> list = List.copyOf(keys);
    String[] systems = list.stream().map(RecordKey::system).toArray(String[]::new);
    String[] sourceIds = list.stream().map(RecordKey::sourceId).toArray(String[]::new);
    Map<RecordKey, PartySummary> parties = new HashMap<>();
    for (PartySummary p : dao.parties(systems, sourceIds)) {
      parties.put(p.key(), p);
    }
    return parties;
  }
}
