package org.lawlang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawScriptException;

/**
 * The file access policy through the public API: reads and writes inside the allowed folders,
 * refused outside them, through `..`, through a symbolic link and by absolute path.
 */
class FilePolicyTest {
  @TempDir
  Path root;
  Path work;
  Path outside;

  @BeforeEach
  void folders() throws Exception {
    work = Files.createDirectories(root.resolve("work"));
    outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(work.resolve("in.csv"), "x,y\n1,2\n2,4\n");
    Files.writeString(outside.resolve("secret.csv"), "x,y\n1,99\n");
    Files.writeString(outside.resolve("lib.law"), "let hidden = 7\n");
    Files.writeString(outside.resolve("victim.txt"), "keep me");
  }

  static String code(Throwable t) {
    return ((LawScriptException) t).code();
  }

  @Test
  void anEngineWithoutAWorkFolderTouchesNoFile() {
    LawEngine e = LawEngine.builder().build();
    assertThatThrownBy(() -> e.eval("data d = csv \"" + work.resolve("in.csv") + "\""))
        .satisfies(x -> assertThat(code(x)).isEqualTo("L812"))
        .satisfies(x -> assertThat(((LawScriptException) x).problem().hint()).contains("allowRead"));
  }

  @Test
  void insideTheWorkFolderReadsAndWritesWork() throws Exception {
    LawEngine e = LawEngine.builder().workDir(work).onPrint(s -> {}).build();
    assertThat(e.eval("data d = csv \"in.csv\"\nd.rows").asDouble()).isEqualTo(2);
    e.eval("for i in [1, 2] { row i, sq: i * i } to \"out/table.csv\"");
    assertThat(Files.readString(work.resolve("out/table.csv"))).contains("sq");
  }

  @Test
  void readsOutsideAreRefusedByDotDotAbsolutePathAndImport() {
    LawEngine e = LawEngine.builder().workDir(work).build();
    for (String path : new String[] {"../outside/secret.csv", outside.resolve("secret.csv").toString()}) {
      assertThatThrownBy(() -> e.eval("data d = csv \"" + path + "\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L812"))
          .hasMessageContaining("outside the folders this script may read");
    }
    assertThatThrownBy(() -> e.eval("import \"../outside/lib.law\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L812"));
    assertThatThrownBy(() -> e.eval("import \"/etc/hostname\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L812"))
        .satisfies(x -> assertThat(((LawScriptException) x).rendered()).doesNotContain(hostname()));
  }

  private static String hostname() {
    try {
      return Files.readString(Path.of("/etc/hostname")).strip() + "\n";
    } catch (Exception e) {
      return "\u0000";
    }
  }

  @Test
  void writesOutsideAreRefusedAndTheFileIsUntouched() throws Exception {
    LawEngine e = LawEngine.builder().workDir(work).onPrint(s -> {}).build();
    for (String path : new String[] {"../outside/victim.txt", outside.resolve("victim.txt").toString(), "a/../../outside/victim.txt"}) {
      assertThatThrownBy(() -> e.eval("for i in [1] { row i } to \"" + path + "\""))
          .satisfies(x -> assertThat(code(x)).isEqualTo("L812")).hasMessageContaining("may write to");
    }
    assertThat(Files.readString(outside.resolve("victim.txt"))).isEqualTo("keep me");
  }

  @Test
  void linksLeadingOutAreRefusedForReadsAndWrites() throws Exception {
    Files.createSymbolicLink(work.resolve("link.csv"), outside.resolve("secret.csv"));
    Files.createSymbolicLink(work.resolve("out.txt"), outside.resolve("victim.txt"));
    Files.createSymbolicLink(work.resolve("dir"), outside);
    LawEngine e = LawEngine.builder().workDir(work).onPrint(s -> {}).build();
    assertThatThrownBy(() -> e.eval("data d = csv \"link.csv\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L812"));
    assertThatThrownBy(() -> e.eval("data d = csv \"dir/secret.csv\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L812"));
    assertThatThrownBy(() -> e.eval("for i in [1] { row i } to \"out.txt\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L813"));
    assertThatThrownBy(() -> e.eval("for i in [1] { row i } to \"dir/new.csv\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L812"));
    assertThat(Files.readString(outside.resolve("victim.txt"))).isEqualTo("keep me");
    assertThat(outside.resolve("new.csv")).doesNotExist();
    // even with everything allowed, a write does not go through a link
    LawEngine all = LawEngine.builder().workDir(work).allowAllFiles().onPrint(s -> {}).build();
    assertThatThrownBy(() -> all.eval("for i in [1] { row i } to \"out.txt\"")).satisfies(x -> assertThat(code(x)).isEqualTo("L813"));
    assertThat(Files.readString(outside.resolve("victim.txt"))).isEqualTo("keep me");
  }

  @Test
  void allowedFoldersOpenExactlyWhatTheySay() throws Exception {
    LawEngine reader = LawEngine.builder().workDir(work).allowRead(outside).onPrint(s -> {}).build();
    assertThat(reader.eval("data d = csv \"../outside/secret.csv\"\nd.rows").asDouble()).isEqualTo(1);
    assertThat(reader.eval("import \"../outside/lib.law\"\nhidden").asDouble()).isEqualTo(7);
    assertThatThrownBy(() -> reader.eval("for i in [1] { row i } to \"../outside/x.csv\""))
        .satisfies(x -> assertThat(code(x)).isEqualTo("L812"));
    LawEngine writer = LawEngine.builder().workDir(work).allowWrite(outside).onPrint(s -> {}).build();
    writer.eval("for i in [1] { row i } to \"../outside/x.csv\"");
    assertThat(outside.resolve("x.csv")).exists();
    LawEngine all = LawEngine.builder().allowAllFiles().build();
    assertThat(all.eval("data d = csv \"" + outside.resolve("secret.csv") + "\"\nd.rows").asDouble()).isEqualTo(1);
  }

  @Test
  void aScriptFileMayUseItsOwnFolder() throws Exception {
    Path scripts = Files.createDirectories(root.resolve("scripts"));
    Files.writeString(scripts.resolve("data.csv"), "x,y\n1,2\n");
    Files.writeString(scripts.resolve("s.law"), "data d = csv \"data.csv\"\nfor i in [1] { row i } to \"t.csv\"\nd.rows\n");
    LawEngine e = LawEngine.builder().onPrint(s -> {}).build();
    assertThat(e.eval(scripts.resolve("s.law")).asDouble()).isEqualTo(1);
    assertThat(scripts.resolve("t.csv")).exists();
    // the folder was the script's for its run only
    assertThatThrownBy(() -> e.eval("data d = csv \"" + scripts.resolve("data.csv") + "\""))
        .satisfies(x -> assertThat(code(x)).isEqualTo("L812"));
  }

  @Test
  void aMissingScriptIsReportedWithItsPath() {
    LawEngine e = LawEngine.builder().build();
    Path missing = root.resolve("nope.law");
    assertThatThrownBy(() -> e.eval(missing)).isInstanceOf(LawScriptException.class)
        .satisfies(x -> assertThat(((LawScriptException) x).problem().source()).isEqualTo(missing.toString()))
        .hasMessageStartingWith(missing + ":1:1");
  }
}
