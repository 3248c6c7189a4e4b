package org.lawlang.eval;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;

/**
 * Which folders a script may read (CSV files, imported modules) and write (tables and
 * plots written with `to`): the folders given to the engine, plus the folder of the script
 * file being run. A path is judged by where it really leads: `..` and symbolic links that
 * leave the allowed folders are refused, and a write never goes through a link. Every refusal
 * is a positioned error (L812, L813) whose hint says how to allow more, in the words of the
 * front end that made the policy (command-line flags or builder methods). Immutable.
 */
public final class FileAccess {
  /** Everything allowed: the REPL's own commands and `law run --allow-all`. */
  public static final FileAccess UNRESTRICTED = new FileAccess(true, List.of(), List.of(), Front.API);

  /** Whose words the hints use. */
  public enum Front {
    /** `law run --allow-read DIR --allow-write DIR --allow-all`. */
    CLI,
    /** LawEngine.Builder's allowRead, allowWrite, allowAllFiles and workDir. */
    API
  }

  private final boolean all;
  private final List<Path> read;
  private final List<Path> write;
  private final Front front;

  private FileAccess(boolean all, List<Path> read, List<Path> write, Front front) {
    this.all = all;
    this.read = List.copyOf(read);
    this.write = List.copyOf(write);
    this.front = front;
  }

  /** No folder at all (until some are added). */
  public static FileAccess none(Front front) {
    return new FileAccess(false, List.of(), List.of(), front);
  }

  public boolean unrestricted() {
    return all;
  }

  /** This policy with {@code dir} readable too. */
  public FileAccess withRead(Path dir) {
    List<Path> r = new ArrayList<>(read);
    r.add(dir.toAbsolutePath().normalize());
    return new FileAccess(all, r, write, front);
  }

  /** This policy with {@code dir} writable (and so readable) too. */
  public FileAccess withWrite(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    List<Path> w = new ArrayList<>(write);
    w.add(d);
    List<Path> r = new ArrayList<>(read);
    r.add(d);
    return new FileAccess(all, r, w, front);
  }

  /** Everything allowed, hints unchanged. */
  public FileAccess allowingAll() {
    return new FileAccess(true, read, write, front);
  }

  /**
   * Checks that a script may read {@code file} (given as {@code shown}); {@code scriptFolder}
   * is the folder of the script being run, or null.
   */
  public void checkRead(Path file, String shown, Path scriptFolder, Span at) {
    if (all) {
      return;
    }
    Path real = real(file);
    if (!inside(real, read, scriptFolder)) {
      throw refused(shown, "read", at);
    }
  }

  /** Checks that a script may write {@code file}: inside a writable folder, and not a link. */
  public void checkWrite(Path file, String shown, Path scriptFolder, Span at) {
    Path target = file.toAbsolutePath().normalize();
    if (java.nio.file.Files.isSymbolicLink(target)) {
      // even with everything allowed: a script's output replaces the link's target otherwise
      throw LawException.of(Msg.FILE_LINK, at, shown).hint("write to another name, or remove the link");
    }
    if (all) {
      return;
    }
    Path parent = target.getParent();
    if (parent == null || !inside(real(parent), write, scriptFolder)) {
      throw refused(shown, "write to", at);
    }
  }

  private LawException refused(String shown, String verb, Span at) {
    String flag = verb.equals("read") ? "--allow-read" : "--allow-write";
    String hint = front == Front.CLI
        ? "a script reads and writes only in its own folder and the current one; to allow more run it with " + flag
            + " DIR (or --allow-all for a script you trust)"
        : "an engine reads and writes only in its workDir and the folders given to LawEngine.Builder."
            + (verb.equals("read") ? "allowRead" : "allowWrite") + " (or allowAllFiles)";
    return LawException.of(Msg.FILE_ACCESS, at, shown, verb).hint(hint);
  }

  private static boolean inside(Path real, List<Path> roots, Path scriptFolder) {
    if (scriptFolder != null && real.startsWith(real(scriptFolder))) {
      return true;
    }
    for (Path root : roots) {
      if (real.startsWith(real(root))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a path really leads: the real path of its longest existing prefix (links resolved)
   * followed by the part that does not exist yet.
   */
  static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    Path rest = null;
    while (existing != null && !java.nio.file.Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      Path r = existing.toRealPath();
      return rest == null ? r : r.resolve(rest).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
