package org.lawlang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `law run --allow-read DIR --allow-write DIR --allow-all`: what a script may touch from the command line. */
class FileFlagsTest {
  @TempDir
  Path root;
  Path scripts;
  Path data;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void files() throws Exception {
    scripts = Files.createDirectories(root.resolve("scripts"));
    data = Files.createDirectories(root.resolve("data"));
    Files.writeString(data.resolve("runs.csv"), "x,y\n1,2\n2,3\n");
    Files.writeString(scripts.resolve("read.law"), "data d = csv \"" + data.resolve("runs.csv") + "\"\nprint d.rows\n");
    Files.writeString(scripts.resolve("write.law"), "for i in [1] { row i } to \"../data/out.csv\"\n");
  }

  int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutFlagsAFolderElsewhereIsRefusedWithTheFlagInTheHint() {
    assertThat(run("run", scripts.resolve("read.law").toString())).isEqualTo(1);
    assertThat(err()).contains("[L812]").contains("may read").contains("--allow-read DIR");
    assertThat(run("run", scripts.resolve("write.law").toString())).isEqualTo(1);
    assertThat(err()).contains("may write to").contains("--allow-write DIR");
    assertThat(data.resolve("out.csv")).doesNotExist();
  }

  @Test
  void allowReadOpensReadsOnly() {
    assertThat(run("run", "--allow-read", data.toString(), scripts.resolve("read.law").toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("2");
    assertThat(run("run", "--allow-read", data.toString(), scripts.resolve("write.law").toString())).isEqualTo(1);
    assertThat(data.resolve("out.csv")).doesNotExist();
  }

  @Test
  void allowWriteAndAllowAllOpenWrites() {
    assertThat(run("run", "--allow-write", data.toString(), scripts.resolve("write.law").toString())).as(err()).isZero();
    assertThat(data.resolve("out.csv")).exists();
    assertThat(run("run", "--allow-all", scripts.resolve("read.law").toString())).as(err()).isZero();
  }

  @Test
  void aMissingScriptIsNamedByItsPath() {
    Path missing = root.resolve("nope.law");
    assertThat(run("run", missing.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo(missing + ":1:1: error: cannot read '" + missing + "': no such file [L401]\n"
        + "  = hint: check the path; a relative one starts from the directory law runs in\n");
  }
}
