package org.lawlang.eval;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * Loads modules for `import`: standard-library modules from the classpath
 * (org/lawlang/stdlib/NAME.law) and user files by path, each through the same
 * parse–check–run pipeline as user code, in a scope of its own. Modules are cached per
 * session; an import cycle is an error.
 */
public final class ModuleLoader {
  static final String STDLIB = "org/lawlang/stdlib/";
  private final Session session;
  private final Map<String, ModuleValue> cache = new HashMap<>();
  private final Deque<String> loading = new ArrayDeque<>();
  /** The modules being loaded as their imports name them, for the cycle message. */
  private final Deque<String> loadingNames = new ArrayDeque<>();
  /** Which import brought each unqualified name into the session, to detect clashes. */
  private final Map<String, String> importedBy = new HashMap<>();
  private static volatile List<String> stdlibNames;

  ModuleLoader(Session session) {
    this.session = session;
  }

  /** The standard library's module names, read from the classpath. */
  public static List<String> stdlibModules() {
    if (stdlibNames == null) {
      stdlibNames = List.copyOf(scanStdlib());
    }
    return stdlibNames;
  }

  private static TreeSet<String> scanStdlib() {
    TreeSet<String> out = new TreeSet<>();
    try {
      URL url = ModuleLoader.class.getClassLoader().getResource(STDLIB);
      if (url == null) {
        return out;
      }
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        try (Stream<Path> files = java.nio.file.Files.list(fs.getPath(STDLIB))) {
          files.forEach(p -> add(out, p.getFileName().toString()));
        }
      } else {
        try (Stream<Path> files = java.nio.file.Files.list(Path.of(uri))) {
          files.forEach(p -> add(out, p.getFileName().toString()));
        }
      }
    } catch (IOException | java.net.URISyntaxException e) {
      // an unreadable classpath leaves the list empty; imports then report the module missing
    }
    return out;
  }

  private static void add(TreeSet<String> out, String file) {
    if (file.endsWith(".law")) {
      out.add(file.substring(0, file.length() - 4));
    }
  }

  /** Loads (or returns the cached) module named by an import. */
  public ModuleValue load(String module, String path, Span at, Path baseDir) {
    if (path != null) {
      try {
        baseDir.resolve(path);
      } catch (java.nio.file.InvalidPathException e) {
        throw Interpreter.invalidPath(path, e, at);
      }
      session.checkRead(baseDir.resolve(path).normalize(), path, at);
    }
    String key = module != null ? "stdlib:" + module : "file:" + baseDir.resolve(path).normalize();
    ModuleValue cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (loading.contains(key)) {
      List<String> chain = new ArrayList<>();
      loadingNames.descendingIterator().forEachRemaining(chain::add);
      chain.add(module != null ? module : shownPath(baseDir.resolve(path).normalize()));
      throw LawException.of(Msg.IMPORT_CYCLE, at, String.join(" -> ", chain));
    }
    Source source;
    Path dir;
    String name;
    String shown = module;
    Program parsed = null;
    if (module != null) {
      if (!session.settings().stdlib()) {
        throw LawException.of(Msg.UNKNOWN_MODULE, at, module).hint("the standard library is switched off in this engine");
      }
      // from the parse cache when this build has run the module before: the jar is not even read
      parsed = session.cachedStdlib("stdlib/" + module + ".law");
      String text = parsed != null ? parsed.source().text() : readResource(STDLIB + module + ".law");
      if (text == null) {
        String known = String.join(", ", stdlibModules());
        throw LawException.of(Msg.UNKNOWN_MODULE, at, module)
            .hint(org.lawlang.eval.stdlib.ModuleNames.suggest(module, stdlibModules()).map(s -> "did you mean '" + s + "'? ").orElse("")
                + "the standard library has: " + known);
      }
      source = parsed != null ? parsed.source() : new Source("stdlib/" + module + ".law", text);
      dir = baseDir;
      name = module;
    } else {
      Path file = baseDir.resolve(path).normalize();
      shown = shownPath(file);
      try {
        source = new Source(shown, Session.readUtf8(file, path));
      } catch (IOException e) {
        throw LawException.of(Msg.FILE_NOT_FOUND, at, path, e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage());
      }
      dir = file.getParent() == null ? baseDir : file.getParent();
      String fileName = file.getFileName().toString();
      name = fileName.endsWith(".law") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }
    loading.push(key);
    loadingNames.push(shown);
    try {
      Env env = new Env(null);
      if (parsed != null) {
        session.runModule(parsed, env, dir);
      } else {
        session.runModule(source, env, dir);
      }
      ModuleValue value = new ModuleValue(name, new LinkedHashMap<>(env.locals()), leadingComment(source.text()));
      cache.put(key, value);
      return value;
    } finally {
      loading.pop();
      loadingNames.pop();
    }
  }

  /**
   * An imported file as errors name it: relative to the directory law runs in, or absolute
   * when it lies outside it, so that one file has one name whichever file imports it.
   */
  private String shownPath(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path work = session.settings().workDir().toAbsolutePath().normalize();
    if (abs.startsWith(work)) {
      return work.relativize(abs).toString();
    }
    return abs.toString();
  }

  /** Runs an import statement: binds the module (or its alias) and, without an alias, its names. */
  void importInto(Stmt.Import i, Env env, Interpreter in) {
    ModuleValue m = load(i.module() == null ? null : i.module().name(), i.path(), i.span(), in.baseDir());
    if (i.alias() != null) {
      env.define(i.alias().name(), m);
      return;
    }
    String label = i.module() != null ? i.module().name() : '"' + i.path() + '"';
    for (Map.Entry<String, Value> e : m.members().entrySet()) {
      String other = importedBy.get(e.getKey());
      Value existing = env.lookup(e.getKey());
      // the very same value reached twice (e.g. a module both files import) is no clash
      if (existing != null && existing != e.getValue() && (other == null || !other.equals(label))) {
        // a name of the script's own, or one an earlier import defined: never overwritten silently
        String by = other == null ? " in this script" : " by 'import " + other + "'";
        throw LawException.of(Msg.IMPORT_CLASH, i.span(), e.getKey(), by)
            .hint("import " + (other == null ? "it" : "one of them") + " under a name: import " + label + " as " + shortAlias(label)
                + ", then write " + shortAlias(label) + "." + e.getKey());
      }
    }
    for (Map.Entry<String, Value> e : m.members().entrySet()) {
      env.define(e.getKey(), e.getValue());
      importedBy.put(e.getKey(), label);
    }
    if (i.module() != null) {
      env.define(i.module().name(), m);
    }
  }

  /** Forgets which import defined a name (it was redefined by the user). */
  void forget(String name) {
    importedBy.remove(name);
  }

  private static String shortAlias(String label) {
    String base = label.replace("\"", "").replaceAll(".*/", "").replace(".law", "").replaceAll("[0-9_]+$", "")
        .replaceAll("[^\\p{L}\\p{N}_]", "_");
    return base.isEmpty() ? "m" : base;
  }

  static String readResource(String path) {
    try (InputStream in = ModuleLoader.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** The first block of `#` comments of a module: its one-paragraph documentation. */
  static String leadingComment(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (!t.startsWith("#")) {
        break;
      }
      int from = 0;
      while (from < t.length() && t.charAt(from) == '#') {
        from++;
      }
      if (from < t.length() && " \t\u000b\f\r".indexOf(t.charAt(from)) >= 0) {
        from++;
      }
      String body = t.substring(from);
      if (body.isEmpty() && out.length() > 0) {
        break;
      }
      if (!body.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(body);
      }
    }
    return out.length() == 0 ? null : out.toString();
  }
}
