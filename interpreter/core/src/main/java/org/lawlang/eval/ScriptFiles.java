package org.lawlang.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;

/** Writing files a script asks for (CSV tables), with failures as positioned errors. */
final class ScriptFiles {
  private ScriptFiles() {}

  static void write(Path path, String text, Span at) {
    try {
      Path parent = path.getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      // NOFOLLOW_LINKS: a link put in the file's place after the policy check is not followed
      java.nio.file.Files.write(path, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw LawException.of(Msg.IO, at, "cannot write " + path + ": " + org.lawlang.diag.IoReason.of(e))
          .hint("check that the folder can be written to, or give another path");
    }
  }
}
