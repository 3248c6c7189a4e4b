package org.lawlang.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;
import org.lawlang.semantics.Checker;
import org.lawlang.semantics.Symbols;
import org.lawlang.syntax.ParseCache;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * One interpreter session: the global scope that statements build up, the modules loaded,
 * the output sink, solver services and settings. Runs source through the pipeline
 * parse → check → run; a failed statement leaves everything computed before it in place.
 * Not thread-safe: one session serves one caller at a time (cancel() may come from any thread).
 */
public final class Session {
  private final Env globals = new Env(null);
  private final Output output;
  private final Services services;
  private final ModuleLoader modules;
  private final Settings settings;
  private final Interpreter interpreter;
  /** The evaluation running now (null between evaluations): what a cancel stops. */
  private volatile Evaluation current;
  private volatile Limits limits = Limits.DEFAULT;
  private volatile FileAccess files = FileAccess.UNRESTRICTED;
  private volatile Progress progress = Progress.NONE;
  private ParseCache parseCache;

  public Session(Output output, Services services, Settings settings) {
    this.output = output;
    this.services = services;
    this.settings = settings;
    this.modules = new ModuleLoader(this);
    this.interpreter = new Interpreter(this, settings.workDir());
  }

  /** Tunable behaviour of a session, set by the CLI flags or the API builder. */
  public record Settings(Path workDir, int threads, long seed, double extrapolationFactor, boolean stdlib) {
    public static Settings defaults() {
      return new Settings(Path.of("").toAbsolutePath(), Runtime.getRuntime().availableProcessors(), 42, 10, true);
    }

    public Settings withWorkDir(Path dir) {
      return new Settings(dir, threads, seed, extrapolationFactor, stdlib);
    }
  }

  public Output output() {
    return output;
  }

  public Services services() {
    return services;
  }

  public Settings settings() {
    return settings;
  }

  public ModuleLoader modules() {
    return modules;
  }

  public Env globals() {
    return globals;
  }

  public Interpreter interpreter() {
    return interpreter;
  }

  /** Where long work reports progress; {@link Progress#NONE} unless a terminal front end sets one. */
  public Progress progress() {
    return progress;
  }

  public void progress(Progress p) {
    progress = p == null ? Progress.NONE : p;
  }

  /** Keeps parsed files and modules in {@code cache} between runs (null: parse every time). */
  public void parseCache(ParseCache cache) {
    parseCache = cache;
  }

  /** Parses a source; files and modules go through the parse cache when there is one (REPL lines and API strings, named "<...>", never do). */
  private Program parse(Source source, Path dir) {
    if (parseCache == null || source.name().startsWith("<")) {
      return Parsing.parse(source);
    }
    // a stdlib module is the same text whichever folder imports it
    return parseCache.parse(source, source.name().startsWith("stdlib/") ? null : dir);
  }

  /**
   * A stdlib module as this build parsed it before, read back from the parse cache without
   * reading the module from the jar (its text is part of the build); null without a cache or entry.
   */
  Program cachedStdlib(String name) {
    return parseCache == null ? null : parseCache.readBuiltIn(name);
  }

  /** What this session may spend (work cap, time limit, executor). */
  public Limits limits() {
    return limits;
  }

  public void limits(Limits l) {
    limits = l == null ? Limits.DEFAULT : l;
  }

  /** Which folders scripts of this session may read and write. */
  public FileAccess files() {
    return files;
  }

  public void files(FileAccess f) {
    files = f == null ? FileAccess.UNRESTRICTED : f;
  }

  /**
   * One evaluation's stop signal. A cancel marks only the evaluation running when it came, so
   * it never outlives it; the calling thread's interrupt and the time limit stop it too.
   */
  private static final class Evaluation {
    final Thread caller = Thread.currentThread();
    final long deadline;
    final java.time.Duration limit;
    final Path scriptFolder;
    volatile boolean cancelled;

    Evaluation(java.time.Duration limit, Path scriptFolder) {
      this.limit = limit;
      this.scriptFolder = scriptFolder;
      this.deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    }

    boolean overdue() {
      return deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0;
    }
  }

  /**
   * Runs {@code body} as one evaluation: {@link #cancel()}, the caller's interrupt and the
   * time limit stop it, and nothing of them is left once it returns. Nested calls (a module
   * loaded during a run) join the evaluation already running on this thread.
   */
  public <T> T evaluation(java.util.function.Supplier<T> body) {
    return evaluation(null, body);
  }

  /** As {@link #evaluation(java.util.function.Supplier)}, running the script file in {@code scriptFolder}, which it may read and write. */
  public <T> T evaluation(Path scriptFolder, java.util.function.Supplier<T> body) {
    Evaluation outer = current;
    if (outer != null && outer.caller == Thread.currentThread()) {
      return body.get();
    }
    Evaluation e = new Evaluation(limits.timeLimit(), scriptFolder);
    current = e;
    try {
      return body.get();
    } finally {
      current = outer;
    }
  }

  /** Checks that the running script may read {@code file} (written {@code shown} in the script). */
  public void checkRead(Path file, String shown, Span at) {
    Evaluation e = current;
    files.checkRead(file, shown, e == null ? null : e.scriptFolder, at);
  }

  /** Checks that the running script may write {@code file}. */
  public void checkWrite(Path file, String shown, Span at) {
    Evaluation e = current;
    files.checkWrite(file, shown, e == null ? null : e.scriptFolder, at);
  }

  /** Whether the running evaluation should stop (cancelled, interrupted, or past its time). */
  public boolean cancelled() {
    Evaluation e = current;
    return e != null && (e.cancelled || e.caller.isInterrupted() || e.overdue());
  }

  /** The error a stopped evaluation ends with: the time limit, or 'cancelled'. */
  public LawException stopped(Span at) {
    Evaluation e = current;
    if (e != null && !e.cancelled && !e.caller.isInterrupted() && e.overdue()) {
      return LawException.of(Msg.TIME_LIMIT, at, org.lawlang.syntax.NumberFormat.show(e.limit.toMillis() / 1000.0) + " s")
          .hint("simplify the script, or give the engine a longer time limit");
    }
    return LawException.of(Msg.CANCELLED, at);
  }

  /** Asks the running evaluation (if any) to stop at its next check; it ends with a 'cancelled' error. */
  public void cancel() {
    Evaluation e = current;
    if (e != null) {
      e.cancelled = true;
    }
  }

  /** Parses and checks without running: every error found, or nothing. */
  public Program compile(Source source) {
    return compile(source, settings.workDir());
  }

  /** As {@link #compile(Source)}, with imports in the source resolved against {@code baseDir}. */
  public Program compile(Source source, Path baseDir) {
    Program program = parse(source, baseDir);
    Checker.check(program, symbols(globals, baseDir));
    return program;
  }

  /** Checks names in an already parsed program against the globals as they are now. */
  public void check(Program program) {
    Checker.check(program, symbols(globals, settings.workDir()));
  }

  /**
   * Runs a source in the global scope; returns the value of its last statement (for the
   * REPL). Throws a LawException with diagnostics; statements before the failing one stay done.
   */
  public Value run(Source source, Path baseDir) {
    return evaluation(() -> execute(compile(source, baseDir == null ? settings.workDir() : baseDir), baseDir));
  }

  /** Runs an already compiled program (the javax.script engine compiles once, runs many times). */
  public Value execute(Program program, Path baseDir) {
    return evaluation(() -> executeNow(program, baseDir));
  }

  private Value executeNow(Program program, Path baseDir) {
    Path old = interpreter.swapBaseDir(baseDir == null ? settings.workDir() : baseDir);
    try {
      Value last = Values.Nothing.INSTANCE;
      for (Stmt s : program.statements()) {
        last = guarded(s, globals);
        String declared = Stmt.declaredName(s);
        if (declared != null) {
          modules.forget(declared);
        }
      }
      return last;
    } finally {
      interpreter.swapBaseDir(old);
    }
  }



  private Value guarded(Stmt s, Env env) {
    try {
      return interpreter.runTopLevel(s, env);
    } catch (StackOverflowError e) {
      throw LawException.of(Msg.TOO_DEEP, s.span(), org.lawlang.syntax.Parsing.MAX_DEPTH)
          .hint("split the statement with 'let' bindings, or give the calling thread a larger stack");
    } catch (org.lawlang.solve.MultiStart.Interrupted e) {
      throw stopped(s.span());
    } catch (OutOfMemoryError e) {
      throw LawException.of(Msg.LIMIT, s.span(), "out of memory while running this statement");
    }
  }

  /** Runs a module's source in its own scope (used by the module loader). */
  void runModule(Source source, Env env, Path dir) {
    runModule(parse(source, dir), env, dir);
  }

  /** Runs a module's already parsed program in its own scope. */
  void runModule(Program program, Env env, Path dir) {
    Checker.check(program, symbols(env, dir));
    Path old = interpreter.swapBaseDir(dir);
    try {
      for (Stmt s : program.statements()) {
        interpreter.exec(s, env);
      }
    } finally {
      interpreter.swapBaseDir(old);
    }
  }

  /** The checker's view of a scope; file imports are resolved against {@code dir}. */
  Symbols symbols(Env env, Path dir) {
    return new Symbols() {
      @Override
      public Kind kindOf(String name) {
        Value v = env.lookup(name);
        return v == null ? null : kindOfValue(v);
      }

      @Override
      public Set<String> names() {
        return env.visibleNames();
      }

      @Override
      public boolean isDataset(String name) {
        return env.lookup(name) instanceof DataValue;
      }

      @Override
      public Map<String, Kind> moduleExports(String module, String path, Span at) {
        ModuleValue m = modules.load(module, path, at, dir);
        Map<String, Kind> out = new HashMap<>();
        m.members().forEach((k, v) -> out.put(k, kindOfValue(v)));
        return out;
      }
    };
  }

  static Symbols.Kind kindOfValue(Value v) {
    if (v instanceof LawValue l) {
      return new Symbols.LawKind(l.law().inputs().size());
    }
    if (v instanceof ProcValue p) {
      return new Symbols.ProcKind(p.proc().params().size());
    }
    if (v instanceof ModuleValue m) {
      Map<String, Symbols.Kind> members = new HashMap<>();
      m.members().forEach((k, x) -> members.put(k, kindOfValue(x)));
      return new Symbols.ModuleKind(members);
    }
    return Symbols.VALUE;
  }

  /** Reads a file as strict UTF-8; invalid bytes are an L105 error naming the offset. */
  public static String readUtf8(Path file) throws IOException {
    return readUtf8(file, file.toString());
  }

  /** As {@link #readUtf8(Path)}, naming the file {@code displayName} in the error. */
  public static String readUtf8(Path file, String displayName) throws IOException {
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String valid = out.toString();
      int lineEnd = valid.length();
      for (int i = in.position(); i < bytes.length && bytes[i] != '\n'; i++) {
        lineEnd++;
      }
      Source shown = new Source(displayName, valid + "?".repeat(Math.max(1, lineEnd - valid.length())));
      throw LawException.of(Msg.NOT_UTF8, new Span(shown, valid.length(), valid.length() + 1), in.position())
          .hint("save the file as UTF-8 (the bad byte is shown as ?)");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
