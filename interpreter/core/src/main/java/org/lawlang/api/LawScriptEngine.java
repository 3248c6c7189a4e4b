package org.lawlang.api;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.lawlang.diag.Diagnostic;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;

/**
 * The javax.script face of a {@link LawEngine}, built for services where each request brings
 * its own {@link Bindings}.
 *
 * <p>Isolation: every run of a script ({@code eval}, or a {@link CompiledScript}'s
 * {@code eval}) runs in a session of its own, which starts with the engine's declared globals
 * — the names of {@link #lawEngine()}, declared by the host through the typed API — then the
 * context's global-scope bindings, then its engine-scope bindings (which win). A name the run
 * defines or changes goes back into that context's engine-scope bindings and nowhere else:
 * never into the engine's globals, never into another context. So a request sees only its own
 * bindings and the declared globals, and one compiled script may run on many threads at once
 * with different bindings (runs are not serialised). A binding whose value is null, whose key
 * is not a law identifier (such as {@code javax.script.filename}), or whose value has no law
 * counterpart (a Logger) is not visible to the script. Values cross as in
 * {@link LawEngine#set}: numbers, strings, booleans, arrays and lists, maps (records),
 * {@link DatasetInfo} (datasets), {@link LawFunction} (laws); they come back as Double,
 * String, Boolean, List, Map, {@link LawFunction} for laws, {@link FitResult},
 * {@link Optimum}, {@link Table}, {@link DatasetInfo}, and {@link LawResult.Other} for procs
 * and modules. A value the engine handed out comes back as itself when it is bound again in
 * the same bindings, so a fit or a proc defined by one eval is usable by the next eval with
 * those bindings.
 *
 * <p>`print` writes to the context's writer, warnings to its error writer.
 * {@link Compilable}: a script is parsed once and run many times. {@link Invocable}:
 * {@code invokeFunction("L", 70e9, 1.4e12)} calls a law or proc of the default context.
 * Errors are {@link ScriptException}s with file, line and column, whose cause is the
 * {@link LawScriptException} with every diagnostic. {@link #lawEngine()}{@code .cancel()}
 * does not reach the runs of this engine, which each have their own session: interrupt the
 * thread that runs one to stop it.
 */
public final class LawScriptEngine extends AbstractScriptEngine implements Compilable, Invocable {
  private final ScriptEngineFactory factory;
  private final LawEngine engine;
  /** Per Bindings (by identity, weakly): name to {interpreter value, the Java object handed out for it}. */
  private final Map<Bindings, Map<String, Object[]>> handedOut = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  LawScriptEngine(ScriptEngineFactory factory) {
    this(factory, LawEngine.builder());
  }

  LawScriptEngine(ScriptEngineFactory factory, LawEngine.Builder builder) {
    this.factory = factory;
    this.engine = builder.build();
  }

  /**
   * The engine holding this script engine's declared globals: names bound in it (with
   * {@link LawEngine#set}, {@link LawEngine#eval(String)}, ...) are visible to every run.
   *
   * @return the engine of the declared globals
   */
  public LawEngine lawEngine() {
    return engine;
  }

  @Override
  public Object eval(String script, ScriptContext context) throws ScriptException {
    return compile(script, context).eval(context);
  }

  @Override
  public Object eval(Reader reader, ScriptContext context) throws ScriptException {
    return eval(read(reader), context);
  }

  @Override
  public CompiledScript compile(String script) throws ScriptException {
    return compile(script, getContext());
  }

  @Override
  public CompiledScript compile(Reader script) throws ScriptException {
    return compile(read(script));
  }

  private CompiledScript compile(String script, ScriptContext context) throws ScriptException {
    if (script == null) {
      throw scriptException(LawScriptException.java("the script is null"));
    }
    try {
      LawScript compiled = engine.compile(fileName(context), script);
      return new CompiledScript() {
        @Override
        public Object eval(ScriptContext ctx) throws ScriptException {
          return run(compiled, ctx);
        }

        @Override
        public ScriptEngine getEngine() {
          return LawScriptEngine.this;
        }
      };
    } catch (LawScriptException e) {
      throw scriptException(e);
    }
  }

  private Object run(LawScript script, ScriptContext context) throws ScriptException {
    if (context == null) {
      throw scriptException(LawScriptException.java("the script context is null"));
    }
    Request r = request(context);
    try {
      Value last = r.engine.execute(script.program());
      return r.export(last);
    } catch (LawScriptException e) {
      throw scriptException(e);
    } finally {
      r.exportBindings();
    }
  }

  /** A session of its own for one run in {@code context}, with the context's bindings bound. */
  private Request request(ScriptContext context) throws ScriptException {
    Request r = new Request(engine.fork(new ContextOutput(context)), context.getBindings(ScriptContext.ENGINE_SCOPE));
    r.importBindings(context.getBindings(ScriptContext.GLOBAL_SCOPE), false);
    r.importBindings(context.getBindings(ScriptContext.ENGINE_SCOPE), true);
    return r;
  }

  /** One run: its session, its bindings, and what was bound in the session at the start. */
  private final class Request {
    final LawEngine engine;
    final Bindings bindings;
    final Map<String, Value> before;
    final Map<String, Object[]> memo;

    Request(LawEngine engine, Bindings bindings) {
      this.engine = engine;
      this.bindings = bindings;
      this.before = new HashMap<>();
      this.memo = bindings == null ? new HashMap<>() : handedOut.computeIfAbsent(bindings, b -> new java.util.concurrent.ConcurrentHashMap<>());
    }

    void importBindings(Bindings b, boolean engineScope) throws ScriptException {
      if (b != null) {
        Map<String, Object[]> mine = engineScope ? memo : handedOut.getOrDefault(b, Map.of());
        for (Map.Entry<String, Object> e : new java.util.ArrayList<>(b.entrySet())) {
          String name = e.getKey();
          Object java = e.getValue();
          if (java == null || !JavaValues.isIdentifier(name) || org.lawlang.semantics.Builtin.named(name).isPresent()) {
            continue;
          }
          Object[] last = mine.get(name);
          Value v;
          if (last != null && last[1] == java) {
            v = (Value) last[0];
          } else {
            try {
              v = JavaValues.toValue(java);
            } catch (LawScriptException x) {
              continue; // no law counterpart: not visible to the script
            }
          }
          if (v instanceof org.lawlang.eval.DataValue d) {
            v = new org.lawlang.eval.DataValue(d.data().renamed(name));
          }
          engine.define(name, v);
        }
      }
      before.putAll(engine.globals());
    }

    /** Names the run defined or changed go back into its own bindings. */
    void exportBindings() {
      if (bindings == null) {
        return;
      }
      for (Map.Entry<String, Value> e : engine.globals().entrySet()) {
        if (before.get(e.getKey()) == e.getValue()) {
          continue;
        }
        bindings.put(e.getKey(), export(e.getValue(), e.getKey()));
      }
    }

    Object export(Value v) {
      return export(v, null);
    }

    private Object export(Value v, String name) {
      Object java = v instanceof LawValue l && !(v instanceof org.lawlang.eval.FitReport)
          ? new LawFunction(engine, l) : Results.from(v).toJava();
      if (name != null) {
        memo.put(name, new Object[] {v, java});
      }
      return java;
    }
  }

  @Override
  public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
    Request r = request(getContext());
    if (name == null || r.engine.peek(name) == null) {
      throw new NoSuchMethodException("no law or proc '" + name + "'");
    }
    try {
      return r.engine.call(name, args).toJava();
    } catch (LawScriptException e) {
      throw scriptException(e);
    }
  }

  @Override
  public Object invokeMethod(Object thiz, String name, Object... args) throws NoSuchMethodException {
    throw new NoSuchMethodException("law values have no methods; use invokeFunction(\"" + name + "\", ...)");
  }

  /** Not supported: law has no objects that implement Java interfaces; returns null. */
  @Override
  public <T> T getInterface(Class<T> clasz) {
    return null;
  }

  /** Not supported; returns null. */
  @Override
  public <T> T getInterface(Object thiz, Class<T> clasz) {
    return null;
  }

  @Override
  public Bindings createBindings() {
    return new SimpleBindings();
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  private static String fileName(ScriptContext context) {
    Object name = context.getAttribute(ScriptEngine.FILENAME);
    return name == null ? "<script>" : name.toString();
  }

  private static ScriptException scriptException(LawScriptException e) {
    LawDiagnostic d = e.problem();
    ScriptException s = new ScriptException(d.message() + " [" + d.code() + "]", d.source(), d.line(), d.column());
    s.initCause(e);
    return s;
  }

  private static String read(Reader reader) throws ScriptException {
    try {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = reader.read(buf)) > 0;) {
        out.append(buf, 0, n);
      }
      return out.toString();
    } catch (IOException e) {
      throw new ScriptException(e);
    }
  }

  /** Writes to one context's writers. */
  private static final class ContextOutput implements Output {
    private final ScriptContext context;

    ContextOutput(ScriptContext context) {
      this.context = context;
    }

    @Override
    public void print(String text, List<Value> values) {
      write(context.getWriter(), text + System.lineSeparator());
    }

    @Override
    public void warning(Diagnostic warning) {
      write(context.getErrorWriter(), warning.toString());
    }

    private static void write(Writer w, String text) {
      if (w == null) {
        return;
      }
      try {
        w.write(text);
        w.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
