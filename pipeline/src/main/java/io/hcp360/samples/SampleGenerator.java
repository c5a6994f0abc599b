package io.hcp360.samples;

import io.hcp360.Hcp360Exception;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes realistic extracts of the five source systems (crm, mdm, events, email, samples), the
 * ground truth ({@code truth.csv}) and a job file mapping them.
 *
 * <p>Persons are made one at a time and written at once to every system they appear in (one to
 * four systems each), so memory stays flat whatever the size. Everything is drawn from one seeded
 * random sequence on one thread: the same seed and size give byte-identical files. Bad rows are
 * drawn from a separate sequence, so the good rows do not change with the bad-row rate.
 *
 * <p>Bad rows and the truth: {@code truth.csv} lists every party (source, source_id) that appears
 * in the files, bad rows included: a row with a wrong column count, a broken quote, a bad byte or
 * a bad date still names its party. A party whose id was blanked (fault MISSING_ID) on all its
 * rows is not listed, since no file names it.
 */
public final class SampleGenerator {
  private SampleGenerator() {}

  public static GenerationResult generate(GeneratorSettings settings) {
    long start = System.nanoTime();
    Pools pools = new Pools();
    SplittableRandom rng = new SplittableRandom(settings.seed());
    Faults faults = new Faults(settings.badRowRate(), settings.seed());
    PersonFactory persons = new PersonFactory(pools, new Identifiers(settings.seed()), rng);
    Map<String, Long> rows = new TreeMap<>();
    Map<String, Long> parties = new TreeMap<>();
    long activities = 0;
    try (TruthWriter truth = new TruthWriter(settings.outDir())) {
      Context cx = new Context(settings.outDir(), pools, new Noise(pools, rng), rng, faults, truth);
      List<SystemWriter> writers = List.of(
          new CrmWriter(cx), new MdmWriter(cx), new EventsWriter(cx), new EmailWriter(cx), new SamplesWriter(cx));
      try {
        for (int i = 0; i < settings.hcps(); i++) {
          Person p = persons.next();
          for (SystemWriter w : writers) {
            if (p.in(w.system())) {
              w.write(p);
            }
          }
        }
      } finally {
        for (SystemWriter w : writers) {
          w.close();
        }
      }
      for (SystemWriter w : writers) {
        parties.put(w.system().folder(), truth.parties(w.system()));
        activities += w.activities();
        for (OutFile f : w.files()) {
          rows.put(f.relativePath(), f.rows());
        }
      }
    } catch (IOException e) {
      throw new Hcp360Exception("cannot finish writing to " + settings.outDir(), e);
    }
    JobFileWriter.write(settings.jobFile(), settings.outDir(), pools, settings.seed(), settings.hcps());
    Map<String, Long> bad = new TreeMap<>();
    faults.made().forEach((k, v) -> bad.put(k.name(), v));
    return new GenerationResult(settings.hcps(), parties, activities, rows, bad,
        Duration.ofNanos(System.nanoTime() - start));
  }
}
