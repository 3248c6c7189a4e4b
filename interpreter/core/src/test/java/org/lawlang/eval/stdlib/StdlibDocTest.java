package org.lawlang.eval.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lawlang.eval.DataValue;
import org.lawlang.eval.LawValue;
import org.lawlang.eval.ModuleValue;
import org.lawlang.eval.Value;
import org.lawlang.semantics.Law;
import org.lawlang.semantics.Param;
import org.lawlang.syntax.ExprPrinter;
import org.lawlang.syntax.NumberFormat;

/**
 * docs/stdlib.md is generated from the modules themselves (their header comments and each
 * law's formula, constants and metadata), so it cannot drift: this test fails when the file
 * is stale, and `-Dgolden.update=true` rewrites it, like the golden files.
 */
class StdlibDocTest {
  static final Path REPO = Path.of(System.getProperty("law.repo", "../..")).toAbsolutePath().normalize();

  @Test
  void docsMatchTheModules() throws IOException {
    String text = render(StdlibModules.loadAll());
    Path file = REPO.resolve("docs/stdlib.md");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("docs/stdlib.md; run mvn verify -Dgolden.update=true to create it").exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("docs/stdlib.md is stale; regenerate with -Dgolden.update=true")
        .isEqualTo(text);
  }

  static String render(Map<String, ModuleValue> modules) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# The standard library\n\n")
        .append("Published scaling-law fits, written in law (`stdlib/*.law`) and loaded with `import NAME`.\n")
        .append("Each law carries its source, unit, the meaning of its inputs and, where the source has one,\n")
        .append("the range it was fitted on: evaluating it more than 10× beyond that range warns (L704).\n")
        .append("Laws with free parameters are forms, ready to `fit`. This page is generated from the modules\n")
        .append("by `StdlibDocTest` (`mvn verify -Dgolden.update=true` rewrites it); edit the modules, not this page.\n\n");
    for (String name : modules.keySet()) {
      out.append("- [`").append(name).append("`](#").append(name).append(") — ").append(firstSentence(modules.get(name).doc())).append('\n');
    }
    for (Map.Entry<String, ModuleValue> m : modules.entrySet()) {
      out.append("\n## ").append(m.getKey()).append("\n\n").append(header(m.getKey()));
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, Value> e : m.getValue().members().entrySet()) {
        Value v = e.getValue();
        if (v instanceof LawValue lv) {
          law(out, lv.law());
        } else if (v instanceof DataValue d) {
          values.add("`" + e.getKey() + "`: dataset of " + d.data().rows() + " rows (" + String.join(", ", d.data().columnNames()) + ")");
        } else if (!(v instanceof ModuleValue)) {
          values.add("`" + e.getKey() + " = " + v.show() + "`");
        }
      }
      if (!values.isEmpty()) {
        out.append("\nValues: ").append(String.join(", ", values)).append(".\n");
      }
    }
    return out.toString();
  }

  private static void law(StringBuilder out, Law law) {
    var meta = law.meta();
    out.append("\n### `").append(law.signature()).append("`").append(meta.unit() == null ? "" : " — " + meta.unit()).append("\n\n");
    out.append("`").append(law.name()).append(" = ").append(ExprPrinter.print(law.body())).append("`\n\n");
    if (!law.fixed().isEmpty()) {
      List<String> parts = new ArrayList<>();
      law.fixed().forEach((k, v) -> parts.add(k + " = " + NumberFormat.show(v)));
      out.append("- constants: ").append(String.join(", ", parts)).append('\n');
    }
    if (!law.freeParameters().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Param p : law.freeParameters()) {
        parts.add(p.bounded() ? p.name() + " " + p.boundsText() : p.name());
      }
      out.append("- free parameters: ").append(String.join(", ", parts)).append('\n');
    }
    if (!meta.inputs().isEmpty()) {
      List<String> parts = new ArrayList<>();
      meta.inputs().forEach((k, v) -> parts.add(k + ": " + v));
      out.append("- inputs: ").append(String.join("; ", parts)).append('\n');
    }
    if (!meta.fitted().isEmpty()) {
      List<String> parts = new ArrayList<>();
      meta.fitted().forEach((k, v) -> parts.add(k + " in [" + NumberFormat.show(v[0]) + ", " + NumberFormat.show(v[1]) + "]"));
      out.append("- fitted: ").append(String.join(", ", parts)).append('\n');
    } else {
      out.append("- fitted: no range (see the module notes)\n");
    }
    out.append("- source: ").append(meta.cite()).append('\n');
    if (meta.doc() != null) {
      out.append("- ").append(meta.doc()).append('\n');
    }
  }

  /** The module file's leading comment, all paragraphs. */
  private static String header(String module) throws IOException {
    String text;
    try (InputStream in = StdlibDocTest.class.getClassLoader().getResourceAsStream("org/lawlang/stdlib/" + module + ".law")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty()) {
        out.append('\n');
        continue;
      }
      if (!t.startsWith("#")) {
        break;
      }
      out.append(t.replaceFirst("^#+\\s?", "")).append('\n');
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
  }

  private static String firstSentence(String doc) {
    int arxiv = doc.indexOf("arXiv:");
    int close = arxiv < 0 ? -1 : doc.indexOf(')', arxiv);
    int colon = doc.indexOf(": ");
    String head = close > 0 ? doc.substring(0, close + 1) : colon > 0 ? doc.substring(0, colon) : doc;
    return head.length() > 140 ? head.substring(0, 137) + "..." : head;
  }
}
