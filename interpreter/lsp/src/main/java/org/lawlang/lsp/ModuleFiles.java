package org.lawlang.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;
import org.lawlang.eval.ModuleLoader;
import org.lawlang.syntax.Parsing;
import org.lawlang.syntax.Program;
import org.lawlang.syntax.Stmt;

/**
 * The files behind `import`s, for go to definition: a script's own imports by path, and the
 * standard library's modules, which live inside the jar and are copied out once (unchanged,
 * per user and version) so that an editor can open them.
 */
final class ModuleFiles {
  private ModuleFiles() {}

  /** The file an import refers to, or null when it names no module that exists. */
  static Path of(Stmt.Import i, Path dir) {
    if (i.path() != null) {
      Path p = dir.resolve(i.path());
      return Files.isRegularFile(p) ? p : null;
    }
    return stdlib(i.module().name());
  }

  /** A standard-library module as a file on disk, or null if there is no such module. */
  static Path stdlib(String module) {
    if (!ModuleLoader.stdlibModules().contains(module)) {
      return null;
    }
    try (InputStream in = ModuleFiles.class.getClassLoader().getResourceAsStream("org/lawlang/stdlib/" + module + ".law")) {
      if (in == null) {
        return null;
      }
      byte[] text = in.readAllBytes();
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "law-stdlib-" + System.getProperty("user.name", "user"));
      Files.createDirectories(dir);
      Path file = dir.resolve(module + ".law");
      if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), text)) {
        Path temp = Files.createTempFile(dir, module, ".tmp");
        Files.write(temp, text);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return file;
    } catch (IOException e) {
      return null;
    }
  }

  /** The parse of a module file, or null if it cannot be read or parsed. */
  static Program parse(Path file) {
    try {
      return Parsing.parse(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | LawException e) {
      return null;
    }
  }
}
