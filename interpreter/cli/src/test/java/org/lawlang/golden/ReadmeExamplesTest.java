package org.lawlang.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.EngineAccess;
import org.lawlang.eval.Output;

/**
 * Every ```law block of the README runs, in order, in one session (later blocks use names
 * earlier ones define, as a reader pasting them into the REPL would), from examples/ where
 * their data paths point. Warnings are allowed (the README shows some on purpose); errors not.
 */
class ReadmeExamplesTest {
  @Test
  void everyLawBlockOfTheReadmeRuns() throws IOException {
    String readme = Files.readString(GoldenTest.REPO.resolve("README.md"));
    Matcher m = Pattern.compile("```law\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).as("law blocks in README.md").hasSizeGreaterThanOrEqualTo(7);
    StringBuilder out = new StringBuilder();
    LawEngine engine = EngineAccess.output(LawEngine.builder(), Output.buffer(out)).workDir(GoldenTest.REPO.resolve("examples")).threads(2).build();
    for (int i = 0; i < blocks.size(); i++) {
      try {
        engine.eval("README.md, law block " + (i + 1), blocks.get(i));
      } catch (LawException e) {
        throw new AssertionError("README law block " + (i + 1) + " fails:\n" + EngineAccess.render(e.diagnostics()) + "\n" + blocks.get(i), e);
      }
    }
    assertThat(out.toString()).contains("1.93665");
  }

  /** The tour's output as the README quotes it (with "..." for lines left out) is the tested output. */
  @Test
  void theReadmesTourOutputIsTheTourOutput() throws IOException {
    String readme = Files.readString(GoldenTest.REPO.resolve("README.md"));
    int at = readme.indexOf("`examples/tour.out`):");
    assertThat(at).as("the README's tour output").isPositive();
    Matcher m = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(at));
    assertThat(m.find()).isTrue();
    String tour = Files.readString(GoldenTest.REPO.resolve("examples/tour.out"));
    int quoted = 0;
    for (String line : m.group(1).split("\\n")) {
      if (!line.strip().equals("...")) {
        assertThat(tour).as("README's tour output line").contains(line + "\n");
        quoted++;
      }
    }
    assertThat(quoted).isGreaterThan(3);
  }
}
