package org.lawlang.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.Output;
import org.lawlang.eval.Services;
import org.lawlang.eval.Session;
import org.lawlang.eval.Value;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;

/**
 * The embeddable interpreter, and the one entry point the CLI and REPL use. Build one with
 * {@link #builder()}, then {@link #eval(String)} code or a file, read and bind values
 * ({@link #get}, {@link #set}, {@link #setData}), call laws from Java ({@link #law}), and
 * parse once to run many times ({@link #compile}). An engine holds one session: names persist
 * across calls. Errors arrive as {@link LawScriptException} with positions.
 *
 * <p>Thread safety: an engine may be shared between threads; evaluations, bindings and law
 * calls are serialised on the engine (one runs at a time). {@link #cancel()} may be called
 * from any thread at any time and stops the running evaluation at its next statement or loop
 * step with error L311. Results ({@link LawResult} and its records) are immutable.
 */
public final class LawEngine {
  private final Session session;
  private final Object lock = new Object();

  private LawEngine(Session session) {
    this.session = session;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- running code -------------------------------------------------------------------------

  /** Runs law code (named "&lt;eval&gt;" in diagnostics); returns the value of its last statement. */
  public LawResult eval(String code) {
    return typedResult(() -> eval("<eval>", code));
  }

  /** Runs a script file; relative paths inside it resolve against its folder. */
  public LawResult eval(Path file) {
    return typedResult(() -> run(file));
  }

  /**
   * Parses code once (syntax errors are thrown now) for running many times with
   * {@link LawScript#run()}; names are checked at each run.
   */
  public LawScript compile(String name, String code) {
    return typed(() -> new LawScript(this, Parsing.parse(new Source(name, code))));
  }

  public LawScript compile(String code) {
    return compile("<eval>", code);
  }

  /** Parses and checks without running; throws with every error found. */
  public void check(String name, String code) {
    typed(() -> {
      synchronized (lock) {
        session.compile(new Source(name, code));
      }
      return null;
    });
  }

  /** Stops the running evaluation at its next check (it fails with code L311). Any thread. */
  public void cancel() {
    session.cancel();
  }

  // ---- values in and out -------------------------------------------------------------------

  /** The value bound to a name; throws (L201) if there is none. */
  public LawResult get(String name) {
    return LawResult.from(lookup(name));
  }

  /** The number bound to a name (for an uncertain number, its point estimate). */
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

  /** Whether a name is bound in the session. */
  public boolean has(String name) {
    synchronized (lock) {
      return session.globals().lookup(name) != null;
    }
  }

  /** The names bound in the session, in the order they were first defined. */
  public Set<String> names() {
    synchronized (lock) {
      return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(session.globals().locals().keySet()));
    }
  }

  /**
   * Binds a Java value to a name: numbers, strings, booleans, arrays and collections (as
   * lists), maps (as records), {@link DatasetInfo}, {@link LawFunction} and plain results.
   */
  public void set(String name, Object value) {
    Value v = typed(() -> JavaValues.toValue(value));
    if (v instanceof DataValue d) {
      v = new DataValue(d.data().renamed(name));
    }
    define(JavaValues.name(name, "a value"), v);
  }

  /**
   * Calls a law, proc or builtin by name with Java arguments (converted as by {@link #set});
   * {@code call("L", 70e9, 1.4e12)}.
   */
  public LawResult call(String name, Object... args) {
    Value f = lookup(name);
    if (!(f instanceof org.lawlang.eval.Callable c)) {
      throw LawScriptException.java("'" + name + "' is a " + f.typeName() + "; only laws, procs and builtins can be called");
    }
    List<Value> values = typed(() -> java.util.Arrays.stream(args).map(JavaValues::toValue).toList());
    String text = name + "(" + String.join(", ", values.stream().map(Value::show).toList()) + ")";
    org.lawlang.diag.Span at = new org.lawlang.diag.Span(new Source("<java>", text), 0, text.length());
    return typed(() -> {
      synchronized (lock) {
        return LawResult.from(c.call(session.interpreter(), values, at));
      }
    });
  }

  /** Binds a dataset of named numeric columns (in the map's order), all of one length. */
  public DatasetInfo setData(String name, Map<String, double[]> columns) {
    DataValue d = new DataValue(typed(() -> JavaValues.dataset(name, columns, "from Java")));
    define(name, d);
    return Results.dataset(d.data(), d.show());
  }

  /** Binds a dataset given as a header and rows of numbers. */
  public DatasetInfo setData(String name, List<String> columns, double[][] rows) {
    return setData(name, typed(() -> JavaValues.columnsOf(columns, rows)));
  }

  /** Binds a dataset given as rows of maps (column → number), e.g. a tool's own runs. */
  public DatasetInfo setRows(String name, List<? extends Map<String, ?>> rows) {
    return setData(name, typed(() -> JavaValues.columnsOf(rows)));
  }

  /** Removes a binding; returns whether there was one. */
  public boolean remove(String name) {
    synchronized (lock) {
      boolean had = session.globals().definesLocally(name);
      session.globals().remove(name);
      return had;
    }
  }

  /** The law (or fitted law) bound to a name, as a Java function of its inputs. */
  public LawFunction law(String name) {
    Value v = lookup(name);
    if (!(v instanceof LawValue l)) {
      throw LawScriptException.java("'" + name + "' is a " + v.typeName() + ", not a law");
    }
    return new LawFunction(this, l);
  }

  // ---- for this project's front ends (CLI, REPL, tests): interpreter values -------------------
  // Embedders use eval(String), eval(Path) or compile(name, code).run(): those return
  // LawResults and throw only LawScriptException. The methods below return the interpreter's
  // own values and throw its LawException (a LawScriptException's superclass) unwrapped.

  /** Runs source text under a given name (a file name or "&lt;repl&gt;"); returns the interpreter's value. */
  public Value eval(String name, String code) {
    synchronized (lock) {
      return session.run(new Source(name, code), session.settings().workDir());
    }
  }

  /** Runs a script file; returns the interpreter's value. */
  public Value run(Path file) {
    return run(file, file.toString());
  }

  /** Runs a script file, naming it {@code displayName} in diagnostics. */
  public Value run(Path file, String displayName) {
    String text = read(file, displayName);
    Path dir = file.toAbsolutePath().getParent();
    synchronized (lock) {
      return session.run(new Source(displayName, text), dir);
    }
  }

  /**
   * Parses and checks a script file without running it: syntax, names, arity and imports
   * (resolved against its folder; an imported module is loaded, which runs it). Throws with
   * every error found.
   */
  public void check(Path file, String displayName) {
    String text = read(file, displayName);
    Path dir = file.toAbsolutePath().getParent();
    synchronized (lock) {
      session.compile(new Source(displayName, text), dir);
    }
  }

  private static String read(Path file, String displayName) {
    try {
      return Session.readUtf8(file, displayName);
    } catch (IOException e) {
      throw new LawException(unreadable(file, displayName, e));
    }
  }

  /** A script that cannot be read: what went wrong, in words, and what to check. */
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
    return new Diagnostic(org.lawlang.diag.Severity.ERROR, org.lawlang.diag.Msg.FILE_NOT_FOUND.code(),
        org.lawlang.diag.Span.NOWHERE, org.lawlang.diag.Msg.FILE_NOT_FOUND.format(displayName, why), hint);
  }

  /** The underlying session, for the REPL and tools in this project. */
  public Session session() {
    return session;
  }

  /** Renders diagnostics in the standard shape. */
  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    diagnostics.forEach(d -> out.append(d));
    return out.toString();
  }

  // ---- internals ------------------------------------------------------------------------------

  Value execute(Program program) {
    return typed(() -> {
      synchronized (lock) {
        session.check(program);
        return session.execute(program, session.settings().workDir());
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

  private Value lookup(String name) {
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
        return LawResult.from(session.interpreter().callLaw(law.law(), args, at));
      }
    });
  }

  /** Runs an action, turning every exception into a {@link LawScriptException}. */
  static <T> T typed(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw LawScriptException.wrap(e);
    }
  }

  private static LawResult typedResult(ValueAction action) {
    return LawResult.from(typed((Supplier<Value>) action::run));
  }

  @FunctionalInterface
  private interface ValueAction {
    Value run();
  }

  /**
   * Configures an engine: where printed text and warnings go, the standard library on or off,
   * the folder relative paths resolve against, solver threads, the random seed, the
   * extrapolation factor. Not thread-safe; build on one thread.
   */
  public static final class Builder {
    private Output output = Output.streams(System.out, System.err);
    private Session.Settings settings = Session.Settings.defaults();
    private Services services = Services.standard();

    /** Where results and warnings go, as the interpreter's output interface (for this project's front ends). */
    public Builder output(Output o) {
      this.output = o;
      return this;
    }

    /** Printed text to {@code out}, warnings (rendered) to {@code err}; the default is System.out and System.err. */
    public Builder streams(PrintStream out, PrintStream err) {
      this.output = Output.streams(out, err);
      return this;
    }

    /** Receives printed results (their text and values) and warnings. Replaces the streams. */
    public Builder listener(LawListener listener) {
      this.output = Sinks.listener(listener);
      return this;
    }

    /** Receives the text of each `print` (and loop table); warnings still go where they went. */
    public Builder onPrint(Consumer<String> sink) {
      this.output = Sinks.printTo(sink, output);
      return this;
    }

    /** Receives each warning (extrapolation, a fit at a bound, ...); printed text still goes where it went. */
    public Builder onWarning(Consumer<LawDiagnostic> sink) {
      this.output = Sinks.warnTo(sink, output);
      return this;
    }

    /** Whether `import` may load standard-library modules (default true). */
    public Builder stdlib(boolean on) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), settings.seed(), settings.extrapolationFactor(), on);
      return this;
    }

    /** The folder relative paths (CSV files, imports) in evaluated code resolve against; default the current one. */
    public Builder workDir(Path dir) {
      settings = new Session.Settings(dir.toAbsolutePath(), settings.threads(), settings.seed(), settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    /** Threads for multi-start fits and bootstraps (default: the number of processors). */
    public Builder threads(int threads) {
      settings = new Session.Settings(settings.workDir(), Math.max(1, threads), settings.seed(), settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    /** The seed of random starts and bootstraps that do not give their own (default 42). */
    public Builder seed(long seed) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), seed, settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    /** How far outside its fitted range a law may be called before a warning (default 10×). */
    public Builder extrapolationFactor(double factor) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), settings.seed(), factor, settings.stdlib());
      return this;
    }

    /** The solver services (for this project's tests). */
    public Builder services(Services s) {
      this.services = s;
      return this;
    }

    public LawEngine build() {
      return new LawEngine(new Session(output, services, settings));
    }
  }
}
