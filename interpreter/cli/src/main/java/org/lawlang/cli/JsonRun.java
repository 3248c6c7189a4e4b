package org.lawlang.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.lawlang.api.JsonReport;
import org.lawlang.api.LawEngine;
import org.lawlang.api.LawScriptException;

/**
 * `law run --json FILE…`: runs the scripts in one session and writes JSON Lines on stdout
 * only (docs/json.md) — prints, warnings, errors with positions, and an "end" document.
 */
final class JsonRun {
  private JsonRun() {}

  static int run(List<Path> files, PrintStream out, org.lawlang.eval.FileAccess access) {
    JsonReport json = new JsonReport(out);
    LawEngine engine = FastPath.withParseCache(org.lawlang.eval.EngineAccess.files(LawEngine.builder().listener(json), access).build());
    try {
      for (Path file : files) {
        engine.eval(file);
      }
      return Main.OK;
    } catch (LawScriptException e) {
      json.error(e);
      return Main.SCRIPT_ERROR;
    } finally {
      json.end();
    }
  }
}
