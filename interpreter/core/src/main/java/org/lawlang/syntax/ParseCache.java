package org.lawlang.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.lawlang.diag.Source;

/**
 * Parsed programs kept on disk between runs, as Python keeps {@code __pycache__}: a script or
 * module whose text has not changed since it was last run is read back in a millisecond
 * instead of being parsed by a cold ANTLR, which costs most of a small script's start-up.
 *
 * <p>One entry per file (named by a hash of its folder and name), holding the text it was
 * parsed from, the {@link AstCodec} form of its statements, and a checksum. An entry is used
 * only when its text equals the source's text exactly, its format and interpreter build match,
 * and its checksum holds; anything else (a missing, stale, foreign or damaged entry) is a miss
 * that parses afresh and rewrites the entry. Only programs that parsed without errors are
 * stored, so diagnostics always come from the real parser. Every disk error is a miss: the
 * cache can make a run faster, never make it fail.
 */
public final class ParseCache {
  private static final int MAGIC = 0x4c415743; // "LAWC"
  /**
   * Entry layout: magic, format, build (8 bytes), the text's length in UTF-8 bytes at
   * {@code TEXT_LENGTH}, the text from {@code TEXT}, the AST, and a CRC-32 of all before it.
   */
  private static final int TEXT_LENGTH = 16;
  private static final int TEXT = 20;
  /** Bigger sources are parsed every time: they are rare, and a cache entry would be as large. */
  private static final int MAX_TEXT = 4 << 20;

  private final Path dir;
  private final long build;

  /** A cache in {@code dir}, valid for one interpreter {@code build} (entries of other builds are misses). */
  public ParseCache(Path dir, long build) {
    this.dir = dir;
    this.build = build;
  }

  /**
   * The command line's cache: in {@code $LAW_CACHE_DIR}, else {@code $XDG_CACHE_HOME/law}, else
   * {@code ~/.cache/law}; null (no cache) when {@code LAW_CACHE_DIR} is set but empty, or when
   * the interpreter does not run from a jar, whose size and time identify its build.
   */
  public static ParseCache forCommandLine(Map<String, String> env) {
    String explicit = env.get("LAW_CACHE_DIR");
    Path base;
    if (explicit != null) {
      if (explicit.isBlank()) {
        return null;
      }
      base = Path.of(explicit);
    } else {
      String xdg = env.get("XDG_CACHE_HOME");
      String home = System.getProperty("user.home");
      if (xdg != null && !xdg.isBlank()) {
        base = Path.of(xdg, "law");
      } else if (home != null && !home.isBlank() && !home.equals("?")) {
        base = Path.of(home, ".cache", "law");
      } else {
        return null;
      }
    }
    long build = jarBuild();
    return build == 0 ? null : new ParseCache(base.resolve("parse"), build);
  }

  /** The running jar's size and modification time, folded into one number; 0 when not run from a jar. */
  private static long jarBuild() {
    try {
      var location = ParseCache.class.getProtectionDomain().getCodeSource().getLocation();
      Path jar = Path.of(location.toURI());
      if (!Files.isRegularFile(jar)) {
        return 0;
      }
      long b = Files.size(jar) * 1_000_003L ^ Files.getLastModifiedTime(jar).toMillis();
      return b == 0 ? 1 : b;
    } catch (Exception e) {
      return 0;
    }
  }

  public Path dir() {
    return dir;
  }

  /** Where the entry for a source named {@code name}, resolved in {@code folder}, lives. */
  public Path entry(Path folder, String name) {
    String key = (folder == null ? "" : folder.toAbsolutePath().normalize().toString()) + '\0' + name;
    String hex = Long.toHexString(fnv64(key));
    return dir.resolve("0".repeat(16 - hex.length()) + hex + ".ast");
  }

  /** Parses {@code source} (named as it is in {@code folder}), from the cache when it holds this very text. */
  public Program parse(Source source, Path folder) {
    if (source.text().length() > MAX_TEXT) {
      return Parsing.parse(source);
    }
    Path entry = entry(folder, source.name());
    Program cached = read(entry, source);
    if (cached != null) {
      return cached;
    }
    Program program = Parsing.parse(source); // errors propagate; nothing is stored for them
    write(entry, program);
    return program;
  }

  /**
   * A program that ships inside the interpreter (a stdlib module, {@code name} as in its
   * Source), read back with the text stored in its entry: the build check alone vouches for
   * the text, since the same build ships the same text. Null when there is no valid entry.
   */
  public Program readBuiltIn(String name) {
    byte[] data = load(entry(null, name));
    try {
      if (data == null) {
        return null;
      }
      int textBytes = getInt(data, TEXT_LENGTH);
      if (textBytes < 0 || TEXT + textBytes > data.length - 4) {
        return null;
      }
      Source source = new Source(name, new String(data, TEXT, textBytes, StandardCharsets.UTF_8));
      return AstCodec.decode(data, TEXT + textBytes, data.length - 4 - TEXT - textBytes, source);
    } catch (RuntimeException e) {
      return null; // a damaged entry
    }
  }

  private Program read(Path entry, Source source) {
    byte[] data = load(entry);
    try {
      if (data == null) {
        return null;
      }
      byte[] text = source.text().getBytes(StandardCharsets.UTF_8);
      if (getInt(data, TEXT_LENGTH) != text.length || TEXT + text.length > data.length - 4
          || !Arrays.equals(data, TEXT, TEXT + text.length, text, 0, text.length)) {
        return null;
      }
      return AstCodec.decode(data, TEXT + text.length, data.length - 4 - TEXT - text.length, source);
    } catch (RuntimeException e) {
      return null; // a damaged entry: parse afresh
    }
  }

  /** An entry's bytes when it can be read and its checksum, magic, format and build hold; else null. */
  private byte[] load(Path entry) {
    byte[] data;
    try {
      data = Files.readAllBytes(entry);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (data.length < TEXT + 4) {
      return null;
    }
    int body = data.length - 4;
    CRC32 crc = new CRC32();
    crc.update(data, 0, body);
    if ((int) crc.getValue() != getInt(data, body)
        || getInt(data, 0) != MAGIC || getInt(data, 4) != AstCodec.FORMAT || getLong(data, 8) != build) {
      return null;
    }
    return data;
  }

  private void write(Path entry, Program program) {
    try {
      byte[] ast = AstCodec.encode(program);
      byte[] text = program.source().text().getBytes(StandardCharsets.UTF_8);
      byte[] data = new byte[TEXT + text.length + ast.length + 4];
      putInt(data, 0, MAGIC);
      putInt(data, 4, AstCodec.FORMAT);
      putLong(data, 8, build);
      putInt(data, TEXT_LENGTH, text.length);
      System.arraycopy(text, 0, data, TEXT, text.length);
      System.arraycopy(ast, 0, data, TEXT + text.length, ast.length);
      CRC32 crc = new CRC32();
      crc.update(data, 0, data.length - 4);
      putInt(data, data.length - 4, (int) crc.getValue());
      Files.createDirectories(dir);
      // written aside and moved into place, so a concurrent run never reads half an entry
      Path tmp = Files.createTempFile(dir, "entry", ".tmp");
      try {
        Files.write(tmp, data);
        try {
          Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // best effort: a cache that cannot be written is a cache that misses
    }
  }

  private static long fnv64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static int getInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  private static long getLong(byte[] b, int at) {
    return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xffffffffL);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static void putLong(byte[] b, int at, long v) {
    putInt(b, at, (int) (v >>> 32));
    putInt(b, at + 4, (int) v);
  }
}
