package org.lawlang.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.CheckBeyondSyntax;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The `law` command: `law run FILE…`, `law eval 'CODE'`, and `law` alone for an interactive
 * session (or, with piped input, running stdin as a script). Exit codes: 0 success, 1 an
 * error in the script, 2 a usage error.
 */
@Command(name = "law", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A language for neural scaling laws: fit, optimise and compare them.",
    subcommands = {Main.Run.class, Main.Check.class, Main.Eval.class, Main.Repl.class,
        FmtCommand.class, LspCommand.class, KernelCommand.class},
    footer = {"", "law alone opens the interactive session (the REPL: :help lists its commands).",
        "With input piped in (law < script.law, or cat script.law | law) it runs that input as a script.",
        "", "Exit codes: 0 success, 1 an error in the script, 2 a usage error."})
public final class Main implements Callable<Integer> {
  static final int OK = 0;
  static final int SCRIPT_ERROR = 1;
  static final int USAGE = 2;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true"); // plots draw off-screen; a stale DISPLAY must not matter
    Integer fast = FastPath.tryRun(args, System.out, System.err);
    System.exit(fast != null ? fast : run(args, System.out, System.err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main(out, err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setParameterExceptionHandler((ex, a) -> {
      String command = ex.getCommandLine().getCommandSpec().qualifiedName();
      err.println(command + ": " + UsageMessages.of(ex));
      err.println("Try '" + command + " --help'.");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      err.println("law: internal error: " + ex);
      ex.printStackTrace(err);
      return 70;
    });
    return cli.execute(args);
  }

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  @Override
  public Integer call() throws IOException {
    if (System.console() == null) {
      return runStdin(out, err);
    }
    return new Repl(out, err).call();
  }

  static int runStdin(PrintStream out, PrintStream err) throws IOException {
    String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    LawEngine engine = FastPath.builder().streams(out, err).build();
    try {
      EngineAccess.eval(engine, "<stdin>", text);
      return OK;
    } catch (LawException e) {
      err.print(EngineAccess.render(e.diagnostics()));
      return SCRIPT_ERROR;
    }
  }

  /** `law run FILE…`. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run law scripts, in order, in one session.")
  static final class Run implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scripts to run")
    List<Path> files;

    @CommandLine.ParentCommand
    Main parent;

    @Option(names = "--json", description = "print one JSON document per result on stdout, nothing else (see docs/json.md)")
    boolean json;

    @Option(names = "--allow-read", paramLabel = "DIR",
        description = "let the scripts read files in DIR too (by default: their own folder and the current one)")
    List<Path> allowRead = new java.util.ArrayList<>();

    @Option(names = "--allow-write", paramLabel = "DIR",
        description = "let the scripts read and write files in DIR too")
    List<Path> allowWrite = new java.util.ArrayList<>();

    @Option(names = "--allow-all", description = "let the scripts read and write any file you can (for scripts you trust)")
    boolean allowAll;

    /** The scripts' file access: their folder and the current one, and what the flags add (docs/security.md). */
    org.lawlang.eval.FileAccess files() {
      org.lawlang.eval.FileAccess f = FastPath.defaultFiles();
      for (Path d : allowRead) {
        f = f.withRead(d);
      }
      for (Path d : allowWrite) {
        f = f.withWrite(d);
      }
      return allowAll ? f.allowingAll() : f;
    }

    @Override
    public Integer call() {
      if (json) {
        return JsonRun.run(files, parent.out, files());
      }
      LawEngine engine = FastPath.withParseCache(EngineAccess.services(
          EngineAccess.files(FastPath.builder().streams(parent.out, parent.err), files()), TerminalColour.services()).build());
      for (Path file : files) {
        try {
          EngineAccess.run(engine, file, file.toString());
        } catch (LawException e) {
          parent.err.print(EngineAccess.render(e.diagnostics()));
          return SCRIPT_ERROR;
        }
      }
      return OK;
    }
  }

  /** `law check FILE…`: every error of every file, nothing run. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check scripts without running them: syntax, names, arity and imports. Each file is checked on its own.")
  static final class Check implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scripts to check")
    List<Path> files;

    @CommandLine.ParentCommand
    Main parent;

    @Override
    public Integer call() {
      int failed = 0;
      int errors = 0;
      for (Path file : files) {
        // a fresh session per file: nothing runs, so one file cannot define names for the next
        LawEngine engine = FastPath.builder().streams(parent.out, parent.err).build();
        try {
          EngineAccess.check(engine, file, file.toString());
          parent.out.println(file + ": no errors");
        } catch (LawException e) {
          List<org.lawlang.diag.Diagnostic> all = e.diagnostics();
          try {
            String text = org.lawlang.eval.Session.readUtf8(file, file.toString());
            all = CheckBeyondSyntax.all(all, new org.lawlang.diag.Source(file.toString(), text), EngineAccess.session(engine),
                file.toAbsolutePath().getParent());
          } catch (IOException | RuntimeException unreadable) {
            // an unreadable file has only the error that says so
          }
          parent.err.print(EngineAccess.render(all));
          failed++;
          errors += (int) all.stream().filter(d -> d.severity() == org.lawlang.diag.Severity.ERROR).count();
        }
      }
      parent.out.println(summary(files.size(), failed, errors));
      return failed == 0 ? OK : SCRIPT_ERROR;
    }

    /** "3 files, 2 with errors, 5 errors". */
    static String summary(int files, int failed, int errors) {
      String checked = files + (files == 1 ? " file" : " files");
      if (failed == 0) {
        return checked + ", no errors";
      }
      return checked + ", " + failed + " with errors, " + errors + (errors == 1 ? " error" : " errors");
    }
  }

  /** `law eval 'CODE'`. */
  @Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate law code and print the value of its last expression.")
  static final class Eval implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "CODE", description = "statements or an expression, e.g. '6 * 70B * 1.4T'")
    String code;

    @CommandLine.ParentCommand
    Main parent;

    @Override
    public Integer call() {
      LawEngine engine = FastPath.builder().streams(parent.out, parent.err).build();
      try {
        Value v = EngineAccess.eval(engine, "<eval>", code);
        if (v != Values.Nothing.INSTANCE) {
          parent.out.println(v.show());
        }
        return OK;
      } catch (LawException e) {
        parent.err.print(EngineAccess.render(e.diagnostics()));
        return SCRIPT_ERROR;
      }
    }
  }

  /** `law repl`: the interactive session. */
  @Command(name = "repl", mixinStandardHelpOptions = true, description = "Start an interactive session.")
  static final class Repl implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    Repl() {
      this(System.out, System.err);
    }

    Repl(PrintStream out, PrintStream err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() throws IOException {
      if (System.console() == null) {
        return runStdin(out, err);
      }
      return org.lawlang.repl.Repl.runOnSystemTerminal(Version.text());
    }
  }

  /** The version, from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    static String text() {
      return FastPath.version();
    }

    @Override
    public String[] getVersion() {
      return new String[] {"law " + text()};
    }
  }
}
