package org.lawlang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;

/**
 * The parse cache's binary form reads back the very AST that was written: every node, every
 * field and every span, for every script in the repository and for generated ASTs.
 */
class AstCodecTest {

  /** A program's statements in full, spans included. */
  static Object deep(Object node, Source source) {
    return AstShape.withSpans(node, source);
  }

  static void assertRoundTrip(Program p) {
    byte[] bytes = AstCodec.encode(p);
    Program back = AstCodec.decode(bytes, 0, bytes.length, p.source());
    assertThat(deep(back.statements(), p.source())).as(p.source().name()).isEqualTo(deep(p.statements(), p.source()));
    assertThat(AstCodec.encode(back)).as("re-encoded " + p.source().name()).isEqualTo(bytes);
  }

  static Stream<Path> scripts() throws IOException {
    Path root = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("examples", "stdlib", "interpreter/cli/src/test/resources/golden")) {
      try (Stream<Path> s = Files.walk(root.resolve(dir))) {
        s.filter(f -> f.toString().endsWith(".law") && !f.toString().contains("/target/")).sorted().forEach(out::add);
      }
    }
    return out.stream();
  }

  @Test
  void everyScriptInTheRepositoryReadsBackExactly() throws IOException {
    int parsed = 0;
    for (Path f : (Iterable<Path>) scripts()::iterator) {
      Program p;
      try {
        p = Parsing.parse(new Source(f.toString(), Files.readString(f)));
      } catch (LawException | java.nio.charset.CharacterCodingException e) {
        continue; // the error goldens (one is not even UTF-8): nothing to cache
      }
      assertRoundTrip(p);
      parsed++;
    }
    assertThat(parsed).as("scripts parsed").isGreaterThan(150);
  }

  @Test
  void unusualTextReadsBackExactly() {
    String text = "let s = \"α β γ — 💡 \\\"quoted\\\" \\\\ tab\\t\"\nlet x = -0.0\nlet y = 1e308 * 10\n"
        + "data t = table(a, b) {\n 1, -2.5e-300\n 3 4\n}\nprint s, x, y\n";
    assertRoundTrip(Parsing.parse(new Source("odd.law", text)));
  }

  @Provide
  Arbitrary<List<Stmt>> programs() {
    return AstArbitraries.stmts(2).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void generatedProgramsReadBackExactly(@ForAll("programs") List<Stmt> statements) {
    assertRoundTrip(new Program(AstArbitraries.AT.source(), statements));
  }
}
