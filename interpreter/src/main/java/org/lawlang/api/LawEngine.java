package org.lawlang.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.eval.Output;
import org.lawlang.eval.Services;
import org.lawlang.eval.Session;
import org.lawlang.eval.Value;

/**
 * The embeddable façade of the interpreter and the one entry point the CLI and REPL use:
 * build one with {@link #builder()}, then {@link #eval(String)} or {@link #run(Path)}.
 * An engine holds one session (its names persist across calls). Not thread-safe: use one
 * engine per thread; {@link #cancel()} may be called from any thread.
 */
public final class LawEngine {
  private final Session session;

  private LawEngine(Session session) {
    this.session = session;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs source text (named "<eval>" in diagnostics); returns the value of its last statement. */
  public Value eval(String code) {
    return eval("<eval>", code);
  }

  /** Runs source text under a given name (a file name or "<repl>") for diagnostics. */
  public Value eval(String name, String code) {
    return session.run(new Source(name, code), session.settings().workDir());
  }

  /** Runs a script file; relative paths inside it resolve against its folder. */
  public Value run(Path file) {
    return run(file, file.toString());
  }

  /** Runs a script file, naming it {@code displayName} in diagnostics. */
  public Value run(Path file, String displayName) {
    String text;
    try {
      text = Session.readUtf8(file, displayName);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new LawException(new Diagnostic(org.lawlang.diag.Severity.ERROR, org.lawlang.diag.Msg.FILE_NOT_FOUND.code(),
          org.lawlang.diag.Span.NOWHERE, org.lawlang.diag.Msg.FILE_NOT_FOUND.format(displayName, "no such file"), null));
    } catch (IOException e) {
      throw new LawException(new Diagnostic(org.lawlang.diag.Severity.ERROR, org.lawlang.diag.Msg.FILE_NOT_FOUND.code(),
          org.lawlang.diag.Span.NOWHERE, org.lawlang.diag.Msg.FILE_NOT_FOUND.format(displayName, e.getMessage()), null));
    }
    Path dir = file.toAbsolutePath().getParent();
    return session.run(new Source(displayName, text), dir);
  }

  /** Parses and checks without running; throws with every error found. */
  public void check(String name, String code) {
    session.compile(new Source(name, code));
  }

  /** Stops a running evaluation at its next check. */
  public void cancel() {
    session.cancel();
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

  /** Configures an engine: output sinks, working folder, threads, seed, extrapolation factor. */
  public static final class Builder {
    private Output output = Output.streams(System.out, System.err);
    private Session.Settings settings = Session.Settings.defaults();
    private Services services = Services.standard();

    public Builder output(Output o) {
      this.output = o;
      return this;
    }

    public Builder streams(PrintStream out, PrintStream err) {
      this.output = Output.streams(out, err);
      return this;
    }

    public Builder workDir(Path dir) {
      settings = new Session.Settings(dir.toAbsolutePath(), settings.threads(), settings.seed(), settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    public Builder threads(int threads) {
      settings = new Session.Settings(settings.workDir(), Math.max(1, threads), settings.seed(), settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    public Builder seed(long seed) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), seed, settings.extrapolationFactor(), settings.stdlib());
      return this;
    }

    public Builder extrapolationFactor(double factor) {
      settings = new Session.Settings(settings.workDir(), settings.threads(), settings.seed(), factor, settings.stdlib());
      return this;
    }

    public Builder services(Services s) {
      this.services = s;
      return this;
    }

    public LawEngine build() {
      return new LawEngine(new Session(output, services, settings));
    }
  }
}
