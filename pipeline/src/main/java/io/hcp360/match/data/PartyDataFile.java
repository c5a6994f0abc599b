package io.hcp360.match.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Party data on disk, as {@link PartyDataCache} keeps it between runs: a header (the fields'
 * signature and the stamp of the party records it was loaded from), the records' systems, and
 * each column's values, counts and codes. Written to a temporary file of its own and moved into
 * place, so that a run killed while writing leaves the earlier file or none, and two processes
 * writing at once leave one whole file.
 */
final class PartyDataFile {
  private static final long MAGIC = 0x4843503336305044L;  // "HCP360PD"
  private static final int FORMAT = 1;
  private static final int INT_CHUNK = 1 << 18;

  /** What the file holds: the data, with the signature and stamp it was written with. */
  record Contents(String signature, PartyDataCache.Stamp stamp, PartyData data) {}

  private PartyDataFile() {}

  static void write(Path file, String signature, PartyDataCache.Stamp stamp, PartyData data,
      Iterable<String> fields) throws IOException {
    Files.createDirectories(file.getParent());
    removeLeftovers(file);
    // A temporary file of its own: two processes keeping a copy at once each move a whole one.
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(),
        ".tmp");
    try {
      writeTo(temporary, signature, stamp, data, fields);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Temporary files of this copy an hour old or more: left by a process killed while writing. */
  private static void removeLeftovers(Path file) throws IOException {
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    try (var siblings = Files.list(file.getParent())) {
      for (Path sibling : siblings.toList()) {
        String name = sibling.getFileName().toString();
        if (!name.startsWith(file.getFileName().toString()) || !name.endsWith(".tmp")) {
          continue;
        }
        try {
          if (Files.getLastModifiedTime(sibling).toMillis() < hourAgo) {
            Files.deleteIfExists(sibling);
          }
        } catch (NoSuchFileException gone) {
          // another writer removed it, or moved its own into place, since the listing
        }
      }
    }
  }

  private static void writeTo(Path temporary, String signature, PartyDataCache.Stamp stamp,
      PartyData data, Iterable<String> fields) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(temporary), 1 << 20))) {
      out.writeLong(MAGIC);
      out.writeInt(FORMAT);
      writeString(out, signature);
      out.writeLong(stamp.checksum());
      out.writeLong(stamp.lastRun());
      out.writeInt(data.size());
      Map<String, Integer> systemCodes = new LinkedHashMap<>();
      int[] systems = new int[data.size()];
      for (int r = 0; r < systems.length; r++) {
        String system = data.system(r);
        systems[r] = system == null ? FieldColumn.ABSENT
            : systemCodes.computeIfAbsent(system, s -> systemCodes.size());
      }
      out.writeInt(systemCodes.size());
      for (String system : systemCodes.keySet()) {
        writeString(out, system);
      }
      writeInts(out, systems);
      int columns = 0;
      for (String ignored : fields) {
        columns++;
      }
      out.writeInt(columns);
      for (String field : fields) {
        FieldColumn column = data.column(field);
        writeString(out, field);
        out.writeInt(column.codes());
        int[] counts = new int[column.codes()];
        for (int code = 0; code < counts.length; code++) {
          writeString(out, column.valueOf(code));
          counts[code] = column.frequency(code);
        }
        writeInts(out, counts);
        int[] codes = new int[data.size()];
        for (int r = 0; r < codes.length; r++) {
          codes[r] = column.code(r);
        }
        writeInts(out, codes);
      }
    }
  }

  /** What the file's header says: the fields' signature and the stamp. */
  record Header(String signature, PartyDataCache.Stamp stamp) {}

  private static Optional<Header> header(ByteBuffer in) {
    if (in.remaining() < 12 || in.getLong() != MAGIC || in.getInt() != FORMAT) {
      return Optional.empty();
    }
    String signature = readString(in);
    return Optional.of(new Header(signature,
        new PartyDataCache.Stamp(in.getLong(), in.getLong())));
  }

  /** The file's contents; none when it is of another format. */
  static Optional<Contents> read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      Optional<Header> header = header(in);
      if (header.isEmpty()) {
        return Optional.empty();
      }
      String signature = header.get().signature();
      PartyDataCache.Stamp stamp = header.get().stamp();
      int size = in.getInt();
      String[] systemNames = new String[in.getInt()];
      for (int i = 0; i < systemNames.length; i++) {
        systemNames[i] = readString(in);
      }
      int[] systemCodes = readInts(in, size);
      String[] systems = new String[size];
      for (int r = 0; r < size; r++) {
        systems[r] = systemCodes[r] == FieldColumn.ABSENT ? null : systemNames[systemCodes[r]];
      }
      int columnCount = in.getInt();
      Map<String, FieldColumn> columns = new LinkedHashMap<>();
      for (int c = 0; c < columnCount; c++) {
        String name = readString(in);
        String[] values = new String[in.getInt()];
        for (int code = 0; code < values.length; code++) {
          values[code] = readString(in);
        }
        int[] counts = readInts(in, values.length);
        int[] codes = readInts(in, size);
        columns.put(name, new FieldColumn(name, codes, values, counts));
      }
      return Optional.of(new Contents(signature, stamp, new PartyData(size, systems, columns)));
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(ByteBuffer in) {
    int length = in.getInt();
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeInts(OutputStream out, int[] values) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(4 * Math.min(INT_CHUNK, Math.max(1, values.length)));
    IntBuffer ints = chunk.asIntBuffer();
    for (int from = 0; from < values.length; from += INT_CHUNK) {
      int n = Math.min(INT_CHUNK, values.length - from);
      ints.clear();
      ints.put(values, from, n);
      out.write(chunk.array(), 0, 4 * n);
    }
  }

  private static int[] readInts(ByteBuffer in, int n) {
    int[] values = new int[n];
    in.asIntBuffer().get(values);
    in.position(in.position() + 4 * n);
    return values;
  }
}
