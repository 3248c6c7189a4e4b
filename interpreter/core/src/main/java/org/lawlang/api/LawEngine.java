package org.lawlang.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.FileAccess;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.Limits;
import org.lawlang.eval.Output;
import org.lawlang.eval.Services;
import org.lawlang.eval.Session;
import org.lawlang.eval.Value;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;

/**
 * The embeddable interpreter. Build one with {@link #builder()}, then {@link #eval(String)}
 * code or a file, read and bind values ({@link #get}, {@link #set}, {@link #setData}), call
 * laws from Java ({@link #law}), and parse once to run many times ({@link #compile}). An
 * engine holds one session: names persist across calls. Every failure, whatever its cause
 * (bad code, bad values from Java, a null, a cancelled run, a limit), is a
 * {@link LawScriptException} with positions.
 *
 * <p>Thread safety: an engine may be shared between threads; evaluations, bindings and law
 * calls are serialised on the engine (one runs at a time). {@link #cancel()} may be called
 * from any thread and stops the evaluation running at that moment (error L311); it has no
 * effect on later ones. Interrupting the thread that runs an evaluation cancels it the same
 * way. Results ({@link LawResult} and its records) are deeply immutable.
 *
 * <p>Files: an engine reads and writes only inside its {@link Builder#workDir work folder},
 * the folders given to {@link Builder#allowRead} and {@link Builder#allowWrite}, and the
 * folder of a script run with {@link #eval(Path)}; without any of these it touches no file
 * (docs/security.md).
 */
public final class LawEngine {
  static {
    EngineAccess.install(new Internals());
  }

  private final Session session;
  private final Supplier<Services> services;
  private final Object lock = new Object();

  private LawEngine(Session session, Supplier<Services> services) {
    this.session = session;
    this.services = services;
  }

  /**
   * A builder with the defaults: output to System.out and System.err, the standard library on,
   * no file access, one solver thread per processor, seed 42.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- running code -------------------------------------------------------------------------

  /**
   * Runs law code, named "&lt;eval&gt;" in diagnostics.
   *
   * @param code law source text
   * @return the value of its last statement
   */
  public LawResult eval(String code) {
    return eval("<eval>", code);
  }

  /**
   * Runs law code under a name of the caller's choice (shown in diagnostics).
   *
   * @param name the name diagnostics give the source, e.g. "request-17"
   * @param code law source text
   * @return the value of its last statement
   */
  public LawResult eval(String name, String code) {
    need(name, "the source name");
    need(code, "the code");
    return result(() -> session.run(new Source(name, code), session.settings().workDir()));
  }

  /**
   * Runs a script file; relative paths inside it resolve against its folder, which it may
   * read and write.
   *
   * @param file the script
   * @return the value of its last statement
   */
  public LawResult eval(Path file) {
    need(file, "the script path");
    return result(() -> runFile(file, file.toString()));
  }

  /**
   * Parses code once (syntax errors are thrown now) for running many times with
   * {@link LawScript#run()}; names are checked at each run.
   *
   * @param name the name diagnostics give the source
   * @param code law source text
   * @return the parsed script
   */
  public LawScript compile(String name, String code) {
    need(name, "the source name");
    need(code, "the code");
    return typed(() -> new LawScript(this, Parsing.parse(new Source(name, code))));
  }

  /**
   * Parses code named "&lt;eval&gt;" once, for running many times.
   *
   * @param code law source text
   * @return the parsed script
   */
  public LawScript compile(String code) {
    return compile("<eval>", code);
  }

  /**
   * Parses and checks without running; throws with every error found.
   *
   * @param name the name diagnostics give the source
   * @param code law source text
   */
  public void check(String name, String code) {
    need(name, "the source name");
    need(code, "the code");
    typed(() -> {
      synchronized (lock) {
        session.evaluation(() -> session.compile(new Source(name, code)));
      }
      return null;
    });
  }

  /**
   * Stops the evaluation running now (it fails with code L311) at its next check; any thread.
   * Does nothing when none is running: a cancel never reaches a later evaluation.
   */
  public void cancel() {
    session.cancel();
  }

  // ---- values in and out -------------------------------------------------------------------

  /**
   * The value bound to a name; throws (L201) if there is none.
   *
   * @param name a bound name
   * @return its value
   */
  public LawResult get(String name) {
    return typed(() -> Results.from(lookup(name)));
  }

  /**
   * The number bound to a name (for an uncertain number, its point estimate).
   *
   * @param name a bound name
   * @return its value as a double
   */
  public double getNumber(String name) {
    LawResult r = get(name);
    if (r instanceof LawResult.Interval i) {
      return i.point();
    }
    if (!(r instanceof LawResult.Num n)) {
      throw LawScriptException.java("'" + name + "' is a " + r.typeName() + ", not a number");
    }
    return n.value();
  }

  /**
   * Whether a name is bound in the session.
   *
   * @param name any name
   * @return true when it is bound
   */
  public boolean has(String name) {
    need(name, "the name");
    synchronized (lock) {
      return session.globals().lookup(name) != null;
    }
  }

  /**
   * The names bound in the session, in the order they were first defined.
   *
   * @return an unmodifiable copy
   */
  public Set<String> names() {
    synchronized (lock) {
      return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(session.globals().locals().keySet()));
    }
  }

  /**
   * Binds a Java value to a name: finite numbers, strings, booleans, arrays and collections
   * (as lists), maps (as records), {@link DatasetInfo}, {@link LawFunction} and plain results.
   *
   * @param name  a law identifier (not a keyword or builtin)
   * @param value the value; null is an error (use {@link #remove})
   */
  public void set(String name, Object value) {
    need(name, "the name");
    Value v = typed(() -> JavaValues.toValue(value));
    if (v instanceof DataValue d) {
      v = new DataValue(d.data().renamed(name));
    }
    define(JavaValues.name(name, "a value"), v);
  }

  /**
   * Calls a law, proc or builtin by name with Java arguments (converted as by {@link #set});
   * {@code call("L", 70e9, 1.4e12)}.
   *
   * @param name the law, proc or builtin
   * @param args its arguments
   * @return what the call returns
   */
  public LawResult call(String name, Object... args) {
    Value f = lookup(name);
    if (!(f instanceof org.lawlang.eval.Callable c)) {
      throw LawScriptException.java("'" + name + "' is a " + f.typeName() + "; only laws, procs and builtins can be called");
    }
    need(args, "the arguments");
    List<Value> values = typed(() -> java.util.Arrays.stream(args).map(JavaValues::toValue).toList());
    String text = name + "(" + String.join(", ", values.stream().map(Value::show).toList()) + ")";
    org.lawlang.diag.Span at = new org.lawlang.diag.Span(new Source("<java>", text), 0, text.length());
    return typed(() -> {
      synchronized (lock) {
        return Results.from(session.evaluation(() -> c.call(session.interpreter(), values, at)));
      }
    });
  }

  /**
   * Binds a dataset of named numeric columns (in the map's order), all of one length, at
   * least one row, finite numbers.
   *
   * @param name    the dataset's name
   * @param columns column name to values
   * @return the dataset as bound
   */
  public DatasetInfo setData(String name, Map<String, double[]> columns) {
    need(columns, "the columns");
    DataValue d = new DataValue(typed(() -> JavaValues.dataset(name, columns, "from Java")));
    define(name, d);
    return Results.dataset(d.data(), d.show());
  }

  /**
   * Binds a dataset given as a header and rows of numbers.
   *
   * @param name    the dataset's name
   * @param columns the header: distinct column names
   * @param rows    one array per row, as long as the header
   * @return the dataset as bound
   */
  public DatasetInfo setData(String name, List<String> columns, double[][] rows) {
    return setData(name, typed(() -> JavaValues.columnsOf(columns, rows)));
  }

  /**
   * Binds a dataset given as rows of maps (column to number), e.g. a tool's own runs.
   *
   * @param name the dataset's name
   * @param rows the rows; each has the first row's columns
   * @return the dataset as bound
   */
  public DatasetInfo setRows(String name, List<? extends Map<String, ?>> rows) {
    return setData(name, typed(() -> JavaValues.columnsOf(rows)));
  }

  /**
   * Removes a binding.
   *
   * @param name the name
   * @return whether there was one
   */
  public boolean remove(String name) {
    need(name, "the name");
    synchronized (lock) {
      boolean had = session.globals().definesLocally(name);
      session.globals().remove(name);
      return had;
    }
  }

  /**
   * The law (or fitted law) bound to a name, as a Java function of its inputs.
   *
   * @param name a bound law
   * @return the law as a function
   */
  public LawFunction law(String name) {
    Value v = lookup(name);
    if (!(v instanceof LawValue l)) {
      throw LawScriptException.java("'" + name + "' is a " + v.typeName() + ", not a law");
    }
    return new LawFunction(this, l);
  }

  // ---- internals ------------------------------------------------------------------------------

  private Value runFile(Path file, String displayName) {
    String text = read(file, displayName);
    Path dir = file.toAbsolutePath().normalize().getParent();
    synchronized (lock) {
      return session.evaluation(dir, () -> session.run(new Source(displayName, text), dir));
    }
  }

  private void checkFile(Path file, String displayName) {
    String text = read(file, displayName);
    Path dir = file.toAbsolutePath().normalize().getParent();
    synchronized (lock) {
      session.evaluation(dir, () -> session.compile(new Source(displayName, text), dir));
    }
  }

  private static String read(Path file, String displayName) {
    try {
      return Session.readUtf8(file, displayName);
    } catch (IOException e) {
      throw new LawException(unreadable(file, displayName, e));
    }
  }

  /** A script that cannot be read: what went wrong, in words, where (the path), and what to check. */
  private static Diagnostic unreadable(Path file, String displayName, IOException e) {
    String why;
    String hint;
    if (java.nio.file.Files.isDirectory(file)) {
      why = "it is a directory";
      hint = "give a .law file, e.g. law run examples/tour.law";
    } else if (e instanceof java.nio.file.NoSuchFileException) {
      why = "no such file";
      hint = "check the path; a relative one starts from the directory law runs in";
    } else {
      why = org.lawlang.diag.IoReason.of(e);
      hint = e instanceof java.nio.file.AccessDeniedException ? "check the file's permissions" : null;
    }
    org.lawlang.diag.Span at = new org.lawlang.diag.Span(new Source(displayName, ""), 0, 0);
    return new Diagnostic(org.lawlang.diag.Severity.ERROR, org.lawlang.diag.Msg.FILE_NOT_FOUND.code(),
        at, org.lawlang.diag.Msg.FILE_NOT_FOUND.format(displayName, why), hint);
  }

  Value execute(Program program) {
    return typed(() -> {
      synchronized (lock) {
        return session.evaluation(() -> {
          session.check(program);
          return session.execute(program, session.settings().workDir());
        });
      }
    });
  }

  /** Binds an interpreter value under a checked name (the javax.script engine uses this). */
  void define(String name, Value value) {
    synchronized (lock) {
      session.globals().define(name, value);
    }
  }

  /** The interpreter value of a name, or null (the javax.script engine uses this). */
  Value peek(String name) {
    synchronized (lock) {
      return session.globals().lookup(name);
    }
  }

  /** The session's global bindings, in definition order. */
  Map<String, Value> globals() {
    synchronized (lock) {
      return new java.util.LinkedHashMap<>(session.globals().locals());
    }
  }

  /**
   * A new engine with this one's settings, limits, file access and a copy of its names,
   * printing to {@code output}: one request of the javax.script engine, isolated from the
   * others and from this engine (values are immutable, so sharing them is safe).
   */
  LawEngine fork(Output output) {
    Session s = new Session(output, services.get(), session.settings());
    s.limits(session.limits());
    s.files(session.files());
    globals().forEach((k, v) -> s.globals().define(k, v));
    return new LawEngine(s, services);
  }

  private Value lookup(String name) {
    need(name, "the name");
    Value v = peek(name);
    if (v == null) {
      List<String> known = new ArrayList<>(session.globals().visibleNames());
      String hint = org.lawlang.diag.Suggest.closest(name, known).map(s -> "did you mean '" + s + "'?").orElse(null);
      throw new LawScriptException(List.of(Diagnostic.error(org.lawlang.diag.Msg.UNKNOWN_NAME, LawScriptException.JAVA, name)
          .withHint(hint)), null);
    }
    return v;
  }

  LawResult callLaw(LawValue law, List<Value> args, double[] shown) {
    String text = law.law().name() + "(" + (shown == null ? "..." : String.join(", ",
        java.util.Arrays.stream(shown).mapToObj(org.lawlang.syntax.NumberFormat::show).toList())) + ")";
    org.lawlang.diag.Span at = new org.lawlang.diag.Span(new Source("<java>", text), 0, text.length());
    return typed(() -> {
      synchronized (lock) {
        return Results.from(session.evaluation(() -> session.interpreter().callLaw(law.law(), args, at)));
      }
    });
  }

  /** A null handed to the API: the one exception type, naming what was null. */
  static void need(Object o, String what) {
    if (o == null) {
      throw LawScriptException.java(what + " is null");
    }
  }

  /** Runs an action, turning every exception into a {@link LawScriptException}. */
  static <T> T typed(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw LawScriptException.wrap(e);
    } catch (StackOverflowError e) {
      throw LawScriptException.wrap(new LawException(Diagnostic.error(org.lawlang.diag.Msg.LIMIT, LawScriptException.JAVA,
          "the Java stack overflowed")));
    }
  }

  private static LawResult result(Supplier<Value> action) {
    return typed(() -> Results.from(action.get()));
  }

  /** The project's internal route ({@link EngineAccess}): interpreter values, unwrapped errors. */
  private static final class Internals implements EngineAccess.Bridge {
    @Override
    public Session session(LawEngine engine) {
      return engine.session;
    }

    @Override
    public Value eval(LawEngine engine, String name, String code) {
      synchronized (engine.lock) {
        return engine.session.run(new Source(name, code), engine.session.settings().workDir());
      }
    }

    @Override
    public Value run(LawEngine engine, Path file, String displayName) {
      return engine.runFile(file, displayName);
    }

    @Override
    public void check(LawEngine engine, Path file, String displayName) {
      engine.checkFile(file, displayName);
    }

    @Override
    public void output(Builder builder, Output output) {
      builder.output = output;
    }

    @Override
    public void services(Builder builder, Services services) {
      builder.services = () -> services;
    }

    @Override
    public void files(Builder builder, FileAccess files) {
      builder.files = files;
    }

    @Override
    public LawResult result(Value value) {
      return Results.from(value);
    }
  }

  /**
   * Configures an engine: where printed text and warnings go, the standard library on or off,
   * the work folder and the other folders scripts may touch, solver threads and executor, the
   * random seed, the extrapolation factor, the work cap and the time limit. Not thread-safe;
   * build on one thread.
   */
  public static final class Builder {
    private Output output = Output.streams(System.out, System.err);
    private Session.Settings settings = Session.Settings.defaults();
    private Supplier<Services> services = Services::standard;
    private Limits limits = Limits.DEFAULT;
    private FileAccess files = FileAccess.none(FileAccess.Front.API);

    private Builder() {}

    /**
     * Printed text to {@code out}, warnings (rendered) to {@code err}; the default is
     * System.out and System.err.
     *
     * @param out where `print` writes
     * @param err where warnings go
     * @return this builder
     */
    public Builder streams(PrintStream out, PrintStream err) {
      LawEngine.need(out, "the output stream");
      LawEngine.need(err, "the error stream");
      this.output = Output.streams(out, err);
      return this;
    }

    /**
     * Receives printed results (their text and values) and warnings. Replaces the streams.
     *
     * @param listener the receiver, called on the evaluating thread
     * @return this builder
     */
    public Builder listener(LawListener listener) {
      LawEngine.need(listener, "the listener");
      this.output = Sinks.listener(listener);
      return this;
    }

    /**
     * Receives the text of each `print` (and loop table); warnings still go where they went.
     *
     * @param sink the receiver of printed text
     * @return this builder
     */
    public Builder onPrint(Consumer<String> sink) {
      LawEngine.need(sink, "the print sink");
      this.output = Sinks.printTo(sink, output);
      return this;
    }

    /**
     * Receives each warning (extrapolation, a fit at a bound, ...); printed text still goes
     * where it went.
     *
     * @param sink the receiver of warnings
     * @return this builder
     */
    public Builder onWarning(Consumer<LawDiagnostic> sink) {
      LawEngine.need(sink, "the warning sink");
      this.output = Sinks.warnTo(sink, output);
      return this;
    }

    /**
     * Whether `import` may load standard-library modules (default true).
     *
     * @param on true to allow them
     * @return this builder
     */
    public Builder stdlib(boolean on) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), settings.seed(), settings.extrapolationFactor(), on);
      return this;
    }

    /**
     * The work folder: relative paths in evaluated code (CSV files, imports, `to` files)
     * resolve against it, and scripts may read and write inside it. Without one an engine
     * touches no file unless {@link #allowRead}, {@link #allowWrite} or {@link #allowAllFiles}
     * says so.
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder workDir(Path dir) {
      LawEngine.need(dir, "the work folder");
      settings = new Session.Settings(dir.toAbsolutePath(), settings.threads(), settings.seed(), settings.extrapolationFactor(), settings.stdlib());
      files = files.withWrite(dir);
      return this;
    }

    /**
     * Lets scripts read files inside {@code dir} (and its subfolders).
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder allowRead(Path dir) {
      LawEngine.need(dir, "the folder");
      files = files.withRead(dir);
      return this;
    }

    /**
     * Lets scripts read and write files inside {@code dir} (and its subfolders); a write
     * never goes through a symbolic link.
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder allowWrite(Path dir) {
      LawEngine.need(dir, "the folder");
      files = files.withWrite(dir);
      return this;
    }

    /**
     * Lets scripts read and write any file the process can (for scripts you trust).
     *
     * @return this builder
     */
    public Builder allowAllFiles() {
      files = files.allowingAll();
      return this;
    }

    /**
     * Threads for multi-start fits and bootstraps (default: the number of processors).
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      settings = new Session.Settings(settings.workDir(), Math.max(1, threads), settings.seed(), settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    /**
     * Where parallel phases (multi-start fits, bootstraps) run, instead of a short-lived pool
     * per phase; the evaluating thread takes part, so a busy executor slows a fit but cannot
     * deadlock it.
     *
     * @param executor a shared executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      LawEngine.need(executor, "the executor");
      limits = limits.withExecutor(executor);
      return this;
    }

    /**
     * The cap on the work of one fit, counted as local fits × rows (starts, plus bootstrap
     * resamples × their starts); a fit over it fails (L901) before it starts. The default is
     * LAW_FIT_MAX_WORK, else 5e8.
     *
     * @param rowFits the cap, positive
     * @return this builder
     */
    public Builder maxWork(double rowFits) {
      if (!(rowFits > 0)) {
        throw LawScriptException.java("the work cap must be positive, not " + rowFits);
      }
      limits = limits.withMaxWork(rowFits);
      return this;
    }

    /**
     * The longest one evaluation (an eval, a compiled script's run, a call) may take; past it
     * the evaluation stops at its next check with error L902.
     *
     * @param limit a positive duration
     * @return this builder
     */
    public Builder timeLimit(Duration limit) {
      LawEngine.need(limit, "the time limit");
      if (limit.isNegative() || limit.isZero()) {
        throw LawScriptException.java("the time limit must be positive, not " + limit);
      }
      limits = limits.withTimeLimit(limit);
      return this;
    }

    /**
     * The seed of random starts and bootstraps that do not give their own (default 42).
     *
     * @param seed any number
     * @return this builder
     */
    public Builder seed(long seed) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), seed, settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    /**
     * How far outside its fitted range a law may be called before a warning (default 10×).
     *
     * @param factor a factor above 1
     * @return this builder
     */
    public Builder extrapolationFactor(double factor) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), settings.seed(), factor, settings.stdlib());
      return this;
    }

    /**
     * A new engine with this configuration.
     *
     * @return the engine
     */
    public LawEngine build() {
      Session s = new Session(output, services.get(), settings);
      s.limits(limits);
      s.files(files);
      return new LawEngine(s, services);
    }
  }
}
