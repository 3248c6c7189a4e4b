package org.lawlang.eval.stdlib;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lawlang.diag.Span;
import org.lawlang.eval.ModuleLoader;
import org.lawlang.eval.ModuleValue;
import org.lawlang.eval.Output;
import org.lawlang.eval.Services;
import org.lawlang.eval.Session;

/** Test helper: every standard-library module, loaded through the real pipeline in one session. */
final class StdlibModules {
  private StdlibModules() {}

  static Map<String, ModuleValue> loadAll() {
    StringBuilder sink = new StringBuilder();
    Session session = new Session(Output.buffer(sink), Services.standard(), Session.Settings.defaults());
    Map<String, ModuleValue> out = new LinkedHashMap<>();
    for (String name : ModuleLoader.stdlibModules()) {
      out.put(name, session.modules().load(name, null, Span.NOWHERE, Path.of(".")));
    }
    if (sink.length() > 0) {
      throw new AssertionError("loading the standard library printed:\n" + sink);
    }
    return out;
  }
}
