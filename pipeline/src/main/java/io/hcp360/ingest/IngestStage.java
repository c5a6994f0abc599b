package io.hcp360.ingest;

import io.hcp360.Hcp360Exception;
import io.hcp360.config.SourceFile;
import io.hcp360.run.RunContext;
import io.hcp360.run.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every file of the job into the staging tables. Each file is staged in one transaction
 * together with its counts, so a restarted run skips the files it had already staged and
 * redoes the one it was in.
 */
public final class IngestStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void run(RunContext run) {
    Set<String> loaded = run.jdbi().withExtension(StagingDao.class,
        dao -> dao.loadedFiles(run.runId()));
    FileIngester ingester = new FileIngester();
    Path base = run.job().file().getParent();
    for (SourceFile source : run.job().sources()) {
      for (Path file : source.paths()) {
        String shown = base.relativize(file).toString();
        if (loaded.contains(source.system() + "/" + source.name() + "/" + shown)) {
          LOG.info("  {} {}: already staged by this run", source.label(), shown);
          continue;
        }
        FileCounts counts = run.jdbi().inTransaction(handle -> {
          try {
            FileCounts c = ingester.ingest(handle, run.runId(), source, file, shown);
            handle.attach(StagingDao.class).fileLoaded(run.runId(), c);
            return c;
          } catch (IOException | SQLException e) {
            throw new Hcp360Exception("could not ingest " + file + ": " + e.getMessage(), e);
          }
        });
        LOG.info("  {} {}: {} read, {} staged, {} rejected", source.label(), shown,
            String.format("%,d", counts.read()), String.format("%,d", counts.staged()),
            String.format("%,d", counts.rejected()));
      }
    }
  }
}
