package org.lawlang.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;

/**
 * Fuzz target for the interpreter's entry point ({@code LawEngine.eval}): a script in,
 * output or diagnostics out. Properties: only a well-formed LawException escapes, every input
 * ends (or obeys {@code engine.cancel()}) within the {@link Guard}'s budget, no printed value
 * holds NaN or an infinity, and the engine still works after the input (REPL state survives).
 *
 * <p>Scripts run in a scratch folder holding two small CSV files, so `data ... csv` and
 * `for ... to "x.csv"` work there; inputs whose path strings could leave that folder are
 * skipped. Saved inputs replay from
 * {@code src/test/resources/org/lawlang/fuzz/InterpreterFuzzTestInputs/run/}; see
 * docs/fuzzing.md for the fuzzing command.
 */
class InterpreterFuzzTest {
  private static final Path SCRATCH = scratch();
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"");

  @FuzzTest(maxDuration = "2h")
  void run(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    if (!confined(text)) {
      return;
    }
    LawEngine engine = EngineAccess.output(LawEngine.builder(), new Checked()).workDir(SCRATCH).threads(1).build();
    Guard.run("running", () -> {
      try {
        EngineAccess.eval(engine, "fuzz.law", text);
      } catch (LawException e) {
        Guard.checkWellFormed(e);
      }
      // whatever happened, the session goes on
      Value v = EngineAccess.eval(engine, "next.law", "let probe_ = 41 + 1\nprobe_");
      if (!(v instanceof Values.Num n) || n.value() != 42) {
        throw new AssertionError("the engine is broken after an input: " + v);
      }
    }, engine::cancel);
  }

  /** Skips inputs whose string literals could name a file outside the scratch folder. */
  static boolean confined(String text) {
    Matcher m = STRING.matcher(text);
    while (m.find()) {
      String s = m.group();
      if (s.contains("/") || s.contains("\\") || s.contains("..") || s.contains(":") || s.contains("~")) {
        return false;
      }
    }
    return !text.contains("\"/");
  }

  /** An output that fails on a non-finite number shown as an answer. */
  static final class Checked implements Output {
    @Override
    public void print(String text, List<Value> values) {
      values.forEach(Checked::finite);
    }

    @Override
    public void warning(Diagnostic warning) {
      warning.toString();
    }

    private static void finite(Value v) {
      if (v instanceof Values.Num n && !Double.isFinite(n.value())) {
        throw new AssertionError("printed " + n.show() + " as an answer");
      }
      if (v instanceof Values.ListVal l) {
        l.items().forEach(Checked::finite);
      }
      if (v instanceof Values.Record r) {
        r.fields().values().forEach(Checked::finite);
      }
    }
  }

  private static Path scratch() {
    try {
      Path dir = Files.createTempDirectory("law-fuzz");
      Files.writeString(dir.resolve("runs.csv"), "N,D,loss\n1e8,2e9,3.1\n1e9,2e10,2.6\n1e10,2e11,2.2\n");
      Files.writeString(dir.resolve("odd.csv"), "a,b\n1,x\n\"2\",NaN\n3\n");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }

  static {
    // keep class loading and JIT warm-up out of the first input's budget
    try {
      EngineAccess.output(LawEngine.builder(), new Checked()).workDir(SCRATCH).build().eval("w.law", "law L(N) = 1 / N^a where a = 1\nprint L([1, 2])");
    } catch (LawException e) {
      throw new AssertionError(e);
    }
  }
}
