package org.lawlang.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;
import org.lawlang.syntax.ParseCache;

/**
 * Runs every examples/*.law and every golden/**&#47;X.law under test resources, and compares
 * what a user would see (printed output, warnings and error diagnostics, in order) with the
 * sibling X.out. Run with -Dgolden.update=true to rewrite the .out files, then review the diff.
 */
class GoldenTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    return cases(REPO.resolve("examples"), false);
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    return cases(REPO.resolve("interpreter/cli/src/test/resources/golden"), true);
  }

  /**
   * Every script again, its statements read back from a parse cache instead of parsed: the
   * output, diagnostics and their carets included, must be the same. (The long replication is
   * left out; it is one more file of the same statement kinds.)
   */
  @TestFactory
  Stream<DynamicTest> fromTheParseCache(@TempDir Path cacheDir) throws IOException {
    ParseCache cache = new ParseCache(cacheDir, 1);
    List<Path> scripts;
    try (Stream<Path> a = Files.list(REPO.resolve("examples")); Stream<Path> b = Files.walk(REPO.resolve("interpreter/cli/src/test/resources/golden"))) {
      scripts = Stream.concat(a, b).filter(p -> p.toString().endsWith(".law") && !p.endsWith("besiroglu_replication.law")).sorted().toList();
    }
    return scripts.stream().map(p -> DynamicTest.dynamicTest(REPO.relativize(p).toString(), () -> {
      if (UPDATE) {
        return;
      }
      String name = REPO.relativize(p).toString();
      Path dir = p.toAbsolutePath().getParent();
      boolean stored;
      try {
        cache.parse(new Source(name, Files.readString(p, StandardCharsets.UTF_8)), dir);
        stored = true;
      } catch (LawException | java.nio.charset.CharacterCodingException e) {
        stored = false; // a syntax-error golden: nothing is cached, the parser reports it
      }
      assertEquals(stored, Files.exists(cache.entry(dir, name)), "cache entry for " + name);
      StringBuilder out = new StringBuilder();
      LawEngine engine = cliBuilder(out).workDir(p.getParent()).threads(2).build();
      EngineAccess.session(engine).parseCache(cache);
      try {
        EngineAccess.run(engine, p, name);
      } catch (LawException e) {
        out.append(EngineAccess.render(e.diagnostics()));
      }
      Path expectedFile = p.resolveSibling(p.getFileName().toString().replaceAll("\\.law$", ".out"));
      assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), out.toString(), "output of " + name + " from the parse cache");
    }));
  }

  private Stream<DynamicTest> cases(Path root, boolean recursive) throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = recursive ? Files.walk(root) : Files.list(root)) {
      scripts = files.filter(p -> p.toString().endsWith(".law")).sorted().toList();
    }
    assertTrue(!scripts.isEmpty(), "no .law files under " + root);
    return scripts.stream().map(p -> DynamicTest.dynamicTest(REPO.relativize(p).toString(), () -> check(p)));
  }

  /**
   * An engine as `law run` makes one, printing into {@code out}: the command line's file
   * policy (its hints name the flags), with the repository readable, as goldens read shared data.
   */
  static LawEngine.Builder cliBuilder(StringBuilder out) {
    return EngineAccess.files(EngineAccess.output(LawEngine.builder(), Output.buffer(out)),
        org.lawlang.eval.FileAccess.none(org.lawlang.eval.FileAccess.Front.CLI).withRead(REPO));
  }

  /** What `law run` shows for a script: stdout and stderr interleaved as printed. */
  public static String run(Path script) {
    StringBuilder out = new StringBuilder();
    LawEngine engine = cliBuilder(out).workDir(script.getParent()).threads(2).build();
    try {
      EngineAccess.run(engine, script, REPO.relativize(script).toString());
    } catch (LawException e) {
      out.append(EngineAccess.render(e.diagnostics()));
    }
    return out.toString();
  }

  private static void check(Path script) throws IOException {
    String actual = run(script);
    Path expectedFile = script.resolveSibling(script.getFileName().toString().replaceAll("\\.law$", ".out"));
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(expectedFile), "missing " + REPO.relativize(expectedFile) + "; run with -Dgolden.update=true to create it");
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "output of " + REPO.relativize(script));
  }
}
