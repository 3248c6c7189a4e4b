package org.lawlang.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.eval.EngineAccess;
import org.lawlang.syntax.AstShape;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.ProgramPrinter;

/**
 * Fuzz target for the syntax stage ({@code Parsing.parse}): on any text, the parser returns
 * a program or throws a well-formed LawException, within the {@link Guard}'s time budget;
 * and a program it returns prints ({@link ProgramPrinter}) to text that parses back to the
 * same AST up to spans.
 *
 * <p>Without JAZZER_FUZZ this replays the saved inputs under
 * {@code src/test/resources/org/lawlang/fuzz/ParserFuzzTestInputs/parse/} (seeds and every
 * crash found) on each {@code mvn verify}. To fuzz (see docs/fuzzing.md):
 * {@code JAZZER_FUZZ=1 nice -n 19 mvn -o test -pl interpreter -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=ParserFuzzTest -Djazzer.max_executions=1000000}.
 */
class ParserFuzzTest {
  @FuzzTest(maxDuration = "2h")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Guard.run("parsing", () -> {
      Program p = Parsing.parse(new Source("fuzz.law", text));
      String printed = ProgramPrinter.print(p);
      Program back;
      try {
        back = Parsing.parse(new Source("printed.law", printed));
      } catch (LawException e) {
        throw new AssertionError("printed program does not parse:\n" + printed + "\n" + EngineAccess.render(e.diagnostics()), e);
      }
      if (!AstShape.of(back.statements()).equals(AstShape.of(p.statements()))) {
        throw new AssertionError("printed program parses to another AST:\n" + printed);
      }
    }, () -> {});
  }
}
