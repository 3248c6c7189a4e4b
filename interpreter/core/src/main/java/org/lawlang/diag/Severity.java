package org.lawlang.diag;

/** How serious a diagnostic is: errors stop a script, warnings are printed and the run goes on. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
