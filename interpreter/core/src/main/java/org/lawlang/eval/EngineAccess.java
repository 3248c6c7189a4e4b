package org.lawlang.eval;

import java.nio.file.Path;
import java.util.List;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawResult;
import org.lawlang.diag.Diagnostic;

/**
 * This project's own route into a {@link LawEngine}, for the CLI, the REPL, the plot module
 * and the tests: the interpreter's values and session, which the public API keeps out of its
 * signatures. Not for embedders: nothing here is stable, and what it returns and throws are
 * the interpreter's own types ({@link Value}, {@link org.lawlang.diag.LawException}).
 * The api package installs the implementation when {@link LawEngine} is loaded.
 */
public final class EngineAccess {
  private static volatile Bridge bridge;

  private EngineAccess() {}

  /** What the api package implements for this class. */
  public interface Bridge {
    Session session(LawEngine engine);

    Value eval(LawEngine engine, String name, String code);

    Value run(LawEngine engine, Path file, String displayName);

    void check(LawEngine engine, Path file, String displayName);

    void output(LawEngine.Builder builder, Output output);

    void services(LawEngine.Builder builder, Services services);

    void files(LawEngine.Builder builder, FileAccess files);

    LawResult result(Value value);
  }

  /** Called once, by the api package. */
  public static void install(Bridge b) {
    if (bridge == null) {
      bridge = b;
    }
  }

  private static Bridge bridge() {
    if (bridge == null) {
      try {
        Class.forName(LawEngine.class.getName(), true, EngineAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return bridge;
  }

  /** The engine's session (globals, settings, modules, progress, parse cache). */
  public static Session session(LawEngine engine) {
    return bridge().session(engine);
  }

  /** Runs source text named {@code name} (a file name, "&lt;repl&gt;"); the interpreter's value; throws LawException. */
  public static Value eval(LawEngine engine, String name, String code) {
    return bridge().eval(engine, name, code);
  }

  /** Runs a script file (which may read and write its own folder); throws LawException. */
  public static Value run(LawEngine engine, Path file) {
    return run(engine, file, file.toString());
  }

  /** Runs a script file, naming it {@code displayName} in diagnostics. */
  public static Value run(LawEngine engine, Path file, String displayName) {
    return bridge().run(engine, file, displayName);
  }

  /** Parses and checks a script file without running it; throws LawException with every error. */
  public static void check(LawEngine engine, Path file, String displayName) {
    bridge().check(engine, file, displayName);
  }

  /** Sends the engine's printed results and warnings to an interpreter {@link Output}. */
  public static LawEngine.Builder output(LawEngine.Builder builder, Output output) {
    bridge().output(builder, output);
    return builder;
  }

  /** Replaces the solver services (tests' stand-ins, the REPL's progress-reporting ones). */
  public static LawEngine.Builder services(LawEngine.Builder builder, Services services) {
    bridge().services(builder, services);
    return builder;
  }

  /** Sets the file access policy (the CLI's, with its flags in the hints). */
  public static LawEngine.Builder files(LawEngine.Builder builder, FileAccess files) {
    bridge().files(builder, files);
    return builder;
  }

  /** An interpreter value as the API's result. */
  public static LawResult result(Value value) {
    return bridge().result(value);
  }

  /** Diagnostics in the standard shape, carets and all. */
  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    diagnostics.forEach(out::append);
    return out.toString();
  }
}
