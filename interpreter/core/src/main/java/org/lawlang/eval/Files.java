package org.lawlang.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;

/** Writing files a script asks for (CSV tables), with failures as positioned errors. */
final class Files {
  private Files() {}

  static void write(Path path, String text, Span at) {
    try {
      Path parent = path.getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      java.nio.file.Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LawException.of(Msg.IO, at, "cannot write " + path + ": " + org.lawlang.diag.IoReason.of(e))
          .hint("check that the folder can be written to, or give another path");
    }
  }
}
