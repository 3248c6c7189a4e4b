package org.lawlang.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.syntax.ParseCache;

/**
 * Start-up fast path for what users run most, `law run FILE…`, `law eval CODE` and `law`
 * alone (the REPL), when they carry no options: they are dispatched without building
 * picocli's command model. picocli's classes are compiled for Java 5, which the JVM's
 * class-data sharing cannot archive, so loading them costs more than the rest of a run.
 * Anything else (options, --help, other commands, usage errors) goes through picocli.
 */
final class FastPath {
  private FastPath() {}

  /** Runs the command if it is a plain run/eval; returns its exit code, or null to defer to picocli. */
  static Integer tryRun(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return replOrStdin(out, err);
    }
    if (args.length < 2) {
      return null;
    }
    for (String a : args) {
      if (a.startsWith("-")) {
        return null;
      }
    }
    if (args[0].equals("run")) {
      // (a background thread warming the parser while the session is set up made no
      // measurable difference here: 93 against 94 ms for chinchilla.law, medians of 9)
      LawEngine engine = withParseCache(org.lawlang.eval.EngineAccess.services(builder().streams(out, err), TerminalColour.services()).build());
      for (int i = 1; i < args.length; i++) {
        try {
          EngineAccess.run(engine, Path.of(args[i]), args[i]);
        } catch (LawException e) {
          err.print(EngineAccess.render(e.diagnostics()));
          return Main.SCRIPT_ERROR;
        }
      }
      return Main.OK;
    }
    if (args[0].equals("eval") && args.length == 2) {
      LawEngine engine = builder().streams(out, err).build();
      try {
        Value v = EngineAccess.eval(engine, "<eval>", args[1]);
        if (v != Values.Nothing.INSTANCE) {
          out.println(v.show());
        }
        return Main.OK;
      } catch (LawException e) {
        err.print(EngineAccess.render(e.diagnostics()));
        return Main.SCRIPT_ERROR;
      }
    }
    return null;
  }

  /** `law` alone: the REPL on a terminal, else standard input run as a script. */
  private static Integer replOrStdin(PrintStream out, PrintStream err) {
    try {
      if (System.console() == null) {
        return Main.runStdin(out, err);
      }
      return org.lawlang.repl.Repl.runOnSystemTerminal(version());
    } catch (java.io.IOException e) {
      err.println("law: " + (System.console() == null ? "cannot read standard input: " : "cannot open the terminal: ")
          + org.lawlang.diag.IoReason.of(e));
      return Main.SCRIPT_ERROR;
    }
  }

  /** The engine with the command line's parse cache (README, "Parse cache"), for `law run` in all its forms. */
  static LawEngine withParseCache(LawEngine engine) {
    EngineAccess.session(engine).parseCache(ParseCache.forCommandLine(System.getenv()));
    return engine;
  }

  /** A builder whose scripts may read and write their own folder and the current one (docs/security.md). */
  static LawEngine.Builder builder() {
    return EngineAccess.files(LawEngine.builder(), defaultFiles());
  }

  /** What `law` lets a script touch without flags: the current folder (and, while it runs, the script's own). */
  static org.lawlang.eval.FileAccess defaultFiles() {
    return org.lawlang.eval.FileAccess.none(org.lawlang.eval.FileAccess.Front.CLI).withWrite(Path.of("").toAbsolutePath());
  }

  /** The version from the jar's manifest ("dev" when run from classes). */
  static String version() {
    String v = FastPath.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
