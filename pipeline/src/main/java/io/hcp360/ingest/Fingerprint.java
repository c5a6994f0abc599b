package io.hcp360.ingest;

import io.hcp360.Hcp360Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file's staged rows are made from: the sha-256 of the job file (its mappings, dialects
 * and code lists) and of the file's bytes, with the version of the way rows are staged. Two
 * equal fingerprints stage the same rows, so an unchanged file need not be read again.
 */
final class Fingerprint {
  /** Raise when a change to ingest stages the same bytes differently: every file is read again. */
  private static final String STAGING_FORMAT = "staging 1";

  private final byte[] jobDigest;

  private Fingerprint(byte[] jobDigest) {
    this.jobDigest = jobDigest;
  }

  /** Fingerprints of files read with this job file. */
  static Fingerprint forJob(Path jobFile) {
    MessageDigest digest = sha256();
    digest.update(STAGING_FORMAT.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    update(digest, jobFile);
    return new Fingerprint(digest.digest());
  }

  /** The hashes of the lines of a file with these columns, read with this job file. */
  LineHash lines(java.util.List<String> columns) {
    return new LineHash(jobDigest, columns);
  }

  /** The fingerprint of a file: 64 hex digits. */
  String file(Path file) {
    MessageDigest digest = sha256();
    digest.update(jobDigest);
    update(digest, file);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, Path file) {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new Hcp360Exception("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
