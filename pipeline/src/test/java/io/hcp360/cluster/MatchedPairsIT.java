package io.hcp360.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hcp360.testing.Cli;
import io.hcp360.testing.Fixtures;
import io.hcp360.testing.TestPostgres;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The pairs an incremental run orders itself come in the order the server gives a full run. */
class MatchedPairsIT {

  @Test
  void pairsOrderedHereComeInTheServersOrder() {
    String url = TestPostgres.freshDatabaseUrl();
    Cli.Result run = Cli.run("run", "--job",
        Fixtures.repositoryRoot().resolve("jobs/nightly.yaml").toString(), "--db-url", url);
    assertThat(run.exitCode()).as(run.err()).isZero();
    Jdbi jdbi = Jdbi.create(url);
    // Ties of weight, and a weight of -0 beside 0, which the server takes for equal.
    jdbi.useHandle(h -> h.execute("""
        update hcp.scored_pair set score = '-0'::float8
        where decision = 'match' and reason = 'score'
          and (left_id, right_id) in (select left_id, right_id from hcp.scored_pair
                                      where decision = 'match' and reason = 'score'
                                      order by left_id limit 3)"""));
    jdbi.useHandle(h -> h.execute("""
        update hcp.scored_pair set score = '0'::float8
        where decision = 'match' and reason = 'score'
          and (left_id, right_id) in (select left_id, right_id from hcp.scored_pair
                                      where decision = 'match' and reason = 'score'
                                      order by left_id desc limit 3)"""));
    MatchedPairs server = jdbi.withHandle(MatchedPairs::load);
    MatchedPairs unsorted = jdbi.withHandle(MatchedPairs::loadUnsorted);
    BitSet all = new BitSet();
    BitSet some = new BitSet();
    for (int i = 0; i < unsorted.size(); i++) {
      all.set(unsorted.left(i));
      if (unsorted.left(i) % 3 == 0) {
        some.set(unsorted.left(i));
      }
    }
    assertThat(server.size()).isGreaterThan(100);
    assertThat(pairs(unsorted.strongestFirst(all))).containsExactlyElementsOf(pairs(server));
    assertThat(pairs(unsorted.strongestFirst(some))).containsExactlyElementsOf(
        pairs(server).stream().filter(p -> Integer.parseInt(p.split(" ")[0]) % 3 == 0).toList());
    assertThat(pairs(server)).anyMatch(p -> p.endsWith("hard"));
    // Read with COPY: each pair, hard rule and weight as JDBC reads them (-0, NaN and an
    // infinite weight included).
    jdbi.useHandle(h -> h.execute("""
        update hcp.scored_pair set score = case left_id % 3 when 0 then 'NaN'::float8
          when 1 then '-Infinity'::float8 else 1e-300 / 3 end
        where decision = 'match' and reason = 'score'
          and (left_id, right_id) in (select left_id, right_id from hcp.scored_pair
                                      where decision = 'match' and reason = 'score'
                                        and score > 0
                                      order by right_id limit 6)"""));
    MatchedPairs copied = jdbi.withHandle(MatchedPairs::load);
    List<String> jdbc = jdbi.withHandle(h -> h.createQuery("""
        select left_id, right_id, reason, score from hcp.scored_pair where decision = 'match'
        order by (reason <> 'score') desc, score desc, left_id, right_id""")
        .map((rs, ctx) -> (rs.getInt(1) - 1) + " " + (rs.getInt(2) - 1)
            + ("score".equals(rs.getString(3)) ? "" : " hard") + " " + rs.getDouble(4))
        .list());
    List<String> read = new ArrayList<>();
    for (int i = 0; i < copied.size(); i++) {
      read.add(copied.left(i) + " " + copied.right(i) + (copied.byHardRule(i) ? " hard" : "")
          + " " + copied.score(i));
    }
    assertThat(read).containsExactlyElementsOf(jdbc);
    assertThat(read).anyMatch(p -> p.endsWith(" NaN")).anyMatch(p -> p.endsWith(" -Infinity"))
        .anyMatch(p -> p.endsWith(" -0.0"));
  }

  private static List<String> pairs(MatchedPairs pairs) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      out.add(pairs.left(i) + " " + pairs.right(i) + (pairs.byHardRule(i) ? " hard" : ""));
    }
    return out;
  }
}
