package org.lawlang.semantics;

import java.util.Map;
import java.util.Set;

/**
 * What the checker needs to know about names defined outside the program being checked
 * (the session's earlier statements, imported modules).
 */
public interface Symbols {
  /** The kind of a visible name, or null if it is not defined. */
  Kind kindOf(String name);

  /** Every visible name, for "did you mean". */
  Set<String> names();

  /** The exports of a module by name (stdlib) or path, or null if there is no such module. */
  Map<String, Kind> moduleExports(String module, String path, org.lawlang.diag.Span at);

  /** Whether a visible name is a dataset (for suggesting one where a dataset is expected). */
  default boolean isDataset(String name) {
    return false;
  }

  /** What a name is, as far as the checker cares. */
  sealed interface Kind {}

  record ValueKind() implements Kind {}

  record LawKind(int arity) implements Kind {}

  record ProcKind(int arity) implements Kind {}

  record ModuleKind(Map<String, Kind> members) implements Kind {}

  Kind VALUE = new ValueKind();
}
