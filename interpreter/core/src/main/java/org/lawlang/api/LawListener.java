package org.lawlang.api;

import java.util.List;

/**
 * Receives what a running engine produces besides its return value: each `print` (or loop
 * table) with its text and values, and each warning. Called on the evaluating thread, in
 * order. Set with {@link LawEngine.Builder#listener}.
 */
public interface LawListener {
  /**
   * A `print` statement or a loop's table.
   *
   * @param text   the text a user would see
   * @param values the values printed
   */
  default void printed(String text, List<LawResult> values) {}

  /**
   * A warning; the run goes on.
   *
   * @param warning what was warned about, and where
   */
  default void warning(LawDiagnostic warning) {}
}
