package org.lawlang.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lawlang.api.LawEngine;
import org.lawlang.diag.LawException;
import org.lawlang.eval.Session;
import org.lawlang.syntax.Formatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `law fmt FILE…`: rewrites each script in the one canonical layout (see {@link Formatter}),
 * naming the files it changed; `--check` changes nothing and fails when a file would change
 * (for CI); `law fmt -` formats standard input to standard output. A file with syntax errors
 * is left as it is and its errors are reported.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
    description = "Format law scripts in place in the one canonical layout, keeping comments.",
    footer = {"", "Exit codes: 0 success (with --check: every file already formatted), 1 a file with syntax errors"
        + " (or, with --check, a file that would change), 2 a usage error."})
final class FmtCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "scripts to format ('-' for standard input to standard output)")
  List<String> files;

  @Option(names = "--check", description = "change nothing; list the files that are not formatted and exit 1 if there are any")
  boolean check;

  @CommandLine.ParentCommand
  Main parent;

  @Override
  public Integer call() {
    int result = Main.OK;
    int unformatted = 0;
    for (String name : files) {
      try {
        if (name.equals("-")) {
          String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
          parent.out().print(Formatter.format("<stdin>", text));
          continue;
        }
        Path file = Path.of(name);
        String text = Session.readUtf8(file, name);
        String formatted = Formatter.format(name, text);
        if (formatted.equals(text)) {
          continue;
        }
        unformatted++;
        if (check) {
          parent.out().println(name + ": not formatted");
        } else {
          Files.writeString(file, formatted, StandardCharsets.UTF_8);
          parent.out().println("formatted " + name);
        }
      } catch (LawException e) {
        parent.err().print(org.lawlang.eval.EngineAccess.render(e.diagnostics()));
        result = Main.SCRIPT_ERROR;
      } catch (IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
        parent.err().println("law fmt: " + name + ": " + why);
        result = Main.SCRIPT_ERROR;
      }
    }
    if (check && unformatted > 0) {
      return Main.SCRIPT_ERROR;
    }
    return result;
  }
}
