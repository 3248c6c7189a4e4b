package org.lawlang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `law fmt` and `law fmt --check` on files: what they write, say and return. */
class FmtCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int law(String... args) {
    out.reset();
    err.reset();
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void checkFailsOnAnUnformattedFileThenFmtRewritesItAndCheckPasses() throws Exception {
    Path messy = dir.resolve("messy.law");
    Path tidy = dir.resolve("tidy.law");
    Files.writeString(messy, "let   x=1   # one\nprint x\n");
    Files.writeString(tidy, "let x = 1\n");
    assertThat(law("fmt", "--check", messy.toString(), tidy.toString())).isEqualTo(Main.SCRIPT_ERROR);
    assertThat(out.toString()).isEqualTo(messy + ": not formatted\n");
    assertThat(Files.readString(messy)).isEqualTo("let   x=1   # one\nprint x\n");

    assertThat(law("fmt", messy.toString(), tidy.toString())).isEqualTo(Main.OK);
    assertThat(out.toString()).isEqualTo("formatted " + messy + "\n");
    assertThat(Files.readString(messy)).isEqualTo("let x = 1   # one\nprint x\n");

    assertThat(law("fmt", "--check", messy.toString(), tidy.toString())).isEqualTo(Main.OK);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aFileWithASyntaxErrorIsLeftAloneAndItsErrorReported() throws Exception {
    Path bad = dir.resolve("bad.law");
    Files.writeString(bad, "let x = (1 +\n");
    assertThat(law("fmt", bad.toString())).isEqualTo(Main.SCRIPT_ERROR);
    assertThat(err.toString()).contains("bad.law:1:13").contains("[L1");
    assertThat(Files.readString(bad)).isEqualTo("let x = (1 +\n");
    assertThat(law("fmt", dir.resolve("missing.law").toString())).isEqualTo(Main.SCRIPT_ERROR);
    assertThat(err.toString()).contains("missing.law: no such file");
  }
}
