package org.lawlang.api;

import java.util.List;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * Makes {@link LawScriptEngine}s for javax.script: registered in
 * META-INF/services/javax.script.ScriptEngineFactory, so that
 * {@code new ScriptEngineManager().getEngineByName("law")} (or by extension "law", or by
 * MIME type "text/x-law") finds it. Stateless and thread-safe.
 */
public final class LawScriptEngineFactory implements ScriptEngineFactory {
  static final String VERSION = version();

  private static String version() {
    String v = LawScriptEngineFactory.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }

  @Override
  public String getEngineName() {
    return "law";
  }

  @Override
  public String getEngineVersion() {
    return VERSION;
  }

  @Override
  public List<String> getExtensions() {
    return List.of("law");
  }

  @Override
  public List<String> getMimeTypes() {
    return List.of("text/x-law", "application/x-law");
  }

  @Override
  public List<String> getNames() {
    return List.of("law", "Law", "lawlang");
  }

  @Override
  public String getLanguageName() {
    return "law";
  }

  @Override
  public String getLanguageVersion() {
    return VERSION;
  }

  @Override
  public Object getParameter(String key) {
    switch (key) {
      case ScriptEngine.ENGINE:
        return getEngineName();
      case ScriptEngine.ENGINE_VERSION:
        return getEngineVersion();
      case ScriptEngine.NAME:
        return getNames().get(0);
      case ScriptEngine.LANGUAGE:
        return getLanguageName();
      case ScriptEngine.LANGUAGE_VERSION:
        return getLanguageVersion();
      case "THREADING":
        // evaluations are serialised on the engine, so sharing one between threads is safe
        return "MULTITHREADED";
      default:
        return null;
    }
  }

  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    return obj + "." + m + (args.length == 0 ? "" : "(" + String.join(", ", args) + ")");
  }

  @Override
  public String getOutputStatement(String toDisplay) {
    return "print \"" + toDisplay.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String getProgram(String... statements) {
    return List.of(statements).stream().collect(Collectors.joining("\n", "", "\n"));
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new LawScriptEngine(this);
  }

  /**
   * A script engine whose runs have the builder's configuration: work folder and file access,
   * limits, executor, threads, seed (its output settings are replaced by each context's writers).
   *
   * @param builder the configuration of every run
   * @return a new script engine
   */
  public LawScriptEngine getScriptEngine(LawEngine.Builder builder) {
    LawEngine.need(builder, "the builder");
    return new LawScriptEngine(this, builder);
  }
}
