package org.lawlang.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.Env;
import org.lawlang.eval.FitValue;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.ModuleValue;
import org.lawlang.eval.ProcValue;
import org.lawlang.eval.Value;

/**
 * The session's names at one moment: what an input defined or replaced (compared with the
 * names after it), the way back to them when a `:load` fails half-way, and the one-line
 * descriptions the REPL echoes and `:vars` lists (`law K(N): 2 parameters fixed`,
 * `data runs: 240 rows, 4 columns`, `let x = 5`).
 */
final class Bindings {
  private final Map<String, Value> values;

  private Bindings(Map<String, Value> values) {
    this.values = values;
  }

  static Bindings of(Env env) {
    return new Bindings(new LinkedHashMap<>(env.locals()));
  }

  /** Names bound now that were not bound in {@code before}, in definition order. */
  List<String> definedSince(Bindings before) {
    List<String> out = new ArrayList<>();
    values.keySet().forEach(n -> {
      if (!before.values.containsKey(n)) {
        out.add(n);
      }
    });
    return out;
  }

  /** Names bound in both whose value is no longer the same one. */
  List<String> replacedSince(Bindings before) {
    List<String> out = new ArrayList<>();
    values.forEach((n, v) -> {
      Value old = before.values.get(n);
      if (old != null && old != v) {
        out.add(n);
      }
    });
    return out;
  }

  Value get(String name) {
    return values.get(name);
  }

  /** Puts {@code env} back as it was when this snapshot was taken. */
  void restore(Env env) {
    for (String name : new ArrayList<>(env.locals().keySet())) {
      if (!values.containsKey(name)) {
        env.remove(name);
      }
    }
    values.forEach(env::define);
  }

  /** A name and its value in one line, as a declaration of it reads: `law K(N): 2 parameters fixed`. */
  static String describe(String name, Value v) {
    if (v instanceof FitValue f) {
      return "let " + name + " = " + firstLine(f.show()) + ": " + f.status();
    }
    if (v instanceof LawValue l) {
      var law = l.law();
      int fixed = law.fixed().size();
      List<String> free = law.freeParameterNames();
      String shown = name.equals(law.name()) ? law.signature() : name + " = " + law.signature();
      String params;
      if (fixed == 0 && free.isEmpty()) {
        params = "no parameters";
      } else if (free.isEmpty()) {
        params = count(fixed, "parameter") + " fixed";
      } else {
        params = (fixed == 0 ? "" : fixed + " fixed, ") + free.size() + " free (" + String.join(", ", free) + ")";
      }
      return "law " + shown + ": " + params;
    }
    if (v instanceof DataValue d) {
      var data = d.data();
      return "data " + name + ": " + count(data.rows(), "row") + ", " + count(data.columnNames().size(), "column")
          + " (" + String.join(", ", data.columnNames()) + ")";
    }
    if (v instanceof ProcValue p) {
      return p.show();
    }
    if (v instanceof ModuleValue m) {
      return "module " + name + ": " + count(m.members().size(), "name");
    }
    String text = v.show();
    String line = firstLine(text);
    if (line.length() > 70) {
      line = line.substring(0, 67) + "...";
    }
    return "let " + name + " = " + line + (text.contains("\n") ? "  (" + v.typeName() + "; print " + name + " shows all)" : "");
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
