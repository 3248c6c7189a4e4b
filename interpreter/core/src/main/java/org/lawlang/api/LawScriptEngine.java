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
 * The javax.script face of a {@link LawEngine}. Before each run, the context's bindings
 * (global scope, then engine scope) become law names — numbers, strings, booleans, arrays and
 * lists, maps (records), {@link DatasetInfo} (datasets), {@link LawFunction} (laws); after it,
 * the session's names go back into the engine scope as Java types (Double, String, Boolean,
 * List, Map, {@link LawFunction} for laws, {@link FitResult}, {@link Optimum}, {@link Table},
 * {@link DatasetInfo}). `print` writes to the context's writer, warnings to its error writer.
 * {@link Compilable}: a script is parsed once and run many times. {@link Invocable}:
 * {@code invokeFunction("L", 70e9, 1.4e12)} calls a law or proc. Errors are
 * {@link ScriptException}s with file, line and column, whose cause is the
 * {@link LawScriptException} with every diagnostic. Thread-safe: runs are serialised.
 */
public final class LawScriptEngine extends AbstractScriptEngine implements Compilable, Invocable {
  private final ScriptEngineFactory factory;
  private final LawEngine engine;
  private volatile ScriptContext running;
  /** Per name: the interpreter value last exchanged with the bindings and its Java object. */
  private final Map<String, Object[]> exchanged = new HashMap<>();

  LawScriptEngine(ScriptEngineFactory factory) {
    this.factory = factory;
    this.engine = LawEngine.builder().output(new ContextOutput()).build();
  }

  /** The engine behind this script engine, for the typed Java API. */
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
    synchronized (this) {
      ScriptContext before = running;
      running = context;
      try {
        importBindings(context, ScriptContext.GLOBAL_SCOPE);
        importBindings(context, ScriptContext.ENGINE_SCOPE);
        Value last = script.runValue();
        return toJava(last);
      } catch (LawScriptException e) {
        throw scriptException(e);
      } finally {
        exportBindings(context.getBindings(ScriptContext.ENGINE_SCOPE));
        running = before;
      }
    }
  }

  private void importBindings(ScriptContext context, int scope) throws ScriptException {
    Bindings b = context.getBindings(scope);
    if (b == null) {
      return;
    }
    for (Map.Entry<String, Object> e : b.entrySet()) {
      String name = e.getKey();
      Object[] last = exchanged.get(name);
      if (last != null && last[1] == e.getValue() && engine.peek(name) == last[0]) {
        continue;
      }
      if (!JavaValues.isIdentifier(name) || e.getValue() == null) {
        continue;
      }
      try {
        engine.set(name, e.getValue());
      } catch (LawScriptException x) {
        if (scope == ScriptContext.ENGINE_SCOPE) {
          throw scriptException(x);
        }
        continue;
      }
      exchanged.put(name, new Object[] {engine.peek(name), e.getValue()});
    }
  }

  private void exportBindings(Bindings b) {
    if (b == null) {
      return;
    }
    for (Map.Entry<String, Value> e : engine.globals().entrySet()) {
      String name = e.getKey();
      Object[] last = exchanged.get(name);
      if (last != null && last[0] == e.getValue() && b.get(name) == last[1]) {
        continue;
      }
      Object java = toJava(e.getValue());
      if (java instanceof LawResult.Other) {
        continue;
      }
      b.put(name, java);
      exchanged.put(name, new Object[] {e.getValue(), java});
    }
  }

  private Object toJava(Value v) {
    if (v instanceof LawValue l && !(v instanceof org.lawlang.eval.FitReport)) {
      return new LawFunction(engine, l);
    }
    return LawResult.from(v).toJava();
  }

  @Override
  public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
    if (engine.peek(name) == null) {
      throw new NoSuchMethodException("no law or proc '" + name + "'");
    }
    try {
      return engine.call(name, args).toJava();
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

  /** Writes to whichever context is running. */
  private final class ContextOutput implements Output {
    @Override
    public void print(String text, List<Value> values) {
      write(running == null ? getContext().getWriter() : running.getWriter(), text + System.lineSeparator());
    }

    @Override
    public void warning(Diagnostic warning) {
      write(running == null ? getContext().getErrorWriter() : running.getErrorWriter(), warning.toString());
    }

    private void write(Writer w, String text) {
      try {
        w.write(text);
        w.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
