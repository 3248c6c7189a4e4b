package org.lawlang.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.lawlang.diag.Source;
import org.lawlang.syntax.Parsing;

/**
 * Fuzz target for the syntax stage ({@code Parsing.parse}): on any text, the parser returns
 * a program or throws a well-formed LawException, within the {@link Guard}'s time budget.
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
    Guard.run("parsing", () -> Parsing.parse(new Source("fuzz.law", text)), () -> {});
  }
}
