package org.lawlang.diag;

/**
 * The message catalogue: every diagnostic the interpreter can produce, with a stable code
 * (documented in docs/errors.md) and a template. Codes by range: L1xx syntax, L2xx names and
 * semantics, L3xx evaluation, L4xx data, L5xx fitting, L6xx optimisation and solving,
 * L7xx imports and the standard library, L8xx output, plots and files, L9xx limits.
 */
public enum Msg {
  // ---- L1xx syntax ----------------------------------------------------------------
  SYNTAX("L101", "%s"),
  BAD_CHARACTER("L102", "unexpected character '%s'"),
  UNTERMINATED_STRING("L103", "unterminated string"),
  BAD_NUMBER("L104", "malformed number '%s'"),
  NOT_UTF8("L105", "the file is not valid UTF-8 (first bad byte at offset %d)"),
  TOO_DEEP("L106", "expression nested too deeply (more than %d levels)"),
  BAD_ESCAPE("L107", "unknown escape '\\%s' in string"),
  TOO_LONG("L108", "expression too long (more than %d operators in one statement)"),

  // ---- L2xx names and semantics ------------------------------------------------------
  UNKNOWN_NAME("L201", "unknown name '%s'"),
  ARITY("L202", "'%s' takes %s, but %d %s given"),
  NOT_CALLABLE("L203", "%s is not a law or function; it cannot be called"),
  FREE_PARAMETERS("L204", "law '%s' has free parameters %s; fix them with 'where' or fit it first"),
  DUPLICATE_INPUT("L205", "input '%s' is listed twice"),
  WHERE_NOT_IN_BODY("L206", "'%s' is fixed by 'where' but does not appear in the law's formula"),
  DUPLICATE_BINDING("L207", "'%s' is given twice in this clause"),
  PARAM_IS_INPUT("L208", "'%s' is an input of the law; only parameters take bounds or values"),
  RETURN_OUTSIDE_PROC("L209", "'return' outside a proc"),
  ROW_OUTSIDE_LOOP("L210", "'row' outside a 'for' loop or proc"),
  BAD_BOUNDS("L211", "the bounds of '%s' leave no room: [%s, %s]"),
  NAMED_ARG("L212", "'%s' does not take a named argument '%s'"),
  BUILTIN_REDEFINED("L213", "'%s' is a builtin function and cannot be redefined"),
  RECURSIVE_LAW("L214", "law '%s' calls itself"),
  UNKNOWN_PARAMETER("L215", "'%s' is not a parameter of law '%s'"),
  DUPLICATE_COLUMN("L216", "column '%s' appears twice in this row"),
  UNUSED_INPUT("L218", "input '%s' does not appear in the formula of law '%s'"),
  FIXED_AND_BOUNDED("L217", "'%s' is fixed by 'where' and also bounded by 'with'"),

  // ---- L3xx evaluation -----------------------------------------------------------------
  TYPE("L301", "expected %s, found %s"),
  NO_FIELD("L302", "%s has no field '%s'"),
  NOT_FINITE("L303", "%s is not a finite number (%s)"),
  DIVISION_BY_ZERO("L304", "division by zero"),
  DOMAIN("L305", "%s is undefined for %s"),
  INDEX("L306", "index %s is out of range for a list of %d"),
  BAD_RANGE("L307", "%s"),
  LIST_LENGTHS("L308", "lists of different lengths (%d and %d)"),
  NOT_IMPLEMENTED("L309", "%s is not available in this build"),
  PLOT_MODULE_MISSING("L309", "plot is not available: the law-plot artifact is not on the class path"),
  BAD_ARGUMENT("L310", "%s"),
  CANCELLED("L311", "cancelled"),

  // ---- L4xx data -----------------------------------------------------------------------
  FILE_NOT_FOUND("L401", "cannot read '%s': %s"),
  MISSING_COLUMN("L402", "no column '%s' in %s"),
  BAD_CELL("L403", "row %d, column '%s': %s"),
  EMPTY_DATA("L404", "%s has no rows"),
  RAGGED_ROW("L405", "row %d has %d fields, but the header has %d"),
  NOT_A_DATASET("L406", "%s is not a dataset"),
  TABLE_ROW_WIDTH("L407", "this row has %d values, but the table has %d columns"),
  DATA_GENERAL("L408", "%s"),
  UNNAMED_COLUMNS("L409", "%s of %s not loaded: %s"),
  // ---- typed columns and groups ----
  COLUMN_KIND("L410", "column '%s' holds %s, not %s"),
  DUPLICATE_HEADER("L411", "the header of %s names '%s' twice (columns %d and %d)"),
  BAD_COLUMN_KIND("L412", "'%s' is not a kind of column"),
  GROUP_KEY("L413", "%s"),
  GROUP_FAILED("L414", "group %s: %s"),

  // ---- L5xx fitting --------------------------------------------------------------------
  FIT_GENERAL("L501", "%s"),
  FIT_TOO_FEW_ROWS("L502", "%d rows are too few to fit %d free parameters"),
  FIT_NOT_CONVERGED("L503", "the fit did not converge: %s"),
  FIT_START_OUT_OF_BOUNDS("L504", "start %s = %s is outside the bounds of '%s' %s"),
  FIT_LOG_NONPOSITIVE("L505", "row %d: %s is %s; 'on log' needs positive values"),
  FIT_NO_FREE_PARAMETERS("L506", "law '%s' has no free parameters to fit"),
  FIT_STATUS("L507", "the fit is %s: %s"),
  FIT_FEW_RESAMPLES("L508", "%d bootstrap %s too few for a %s%% interval, which needs at least %d"),

  // ---- L6xx optimisation and solving -------------------------------------------------------
  OPT_GENERAL("L601", "%s"),
  OPT_INFEASIBLE("L602", "the problem is infeasible: %s"),
  OPT_UNBOUNDED("L603", "the problem is unbounded: %s"),
  OPT_NOT_CONVERGED("L604", "the solver stopped before it converged: %s"),
  OPT_NO_VARIABLES("L605", "there is nothing to optimise: the expression has no free variables"),
  OPT_UNUSED_VARIABLE("L606", "variable '%s' appears nowhere in the objective or the constraints"),
  SOLVE_NO_ROOT("L607", "no root of this equation for %s in %s"),
  OPT_NONPOSITIVE("L608", "'%s' must be positive here (it is a power-law variable), but its range allows %s"),
  WORKFLOW_WARNING("L610", "%s"),
  SOLVE_IDENTITY("L611", "the equation holds for every %s sampled in %s: it does not pick out a root"),
  OPT_NO_FEASIBLE_POINT("L620", "no feasible point found: %s"),
  OPT_NOT_CERTIFIED("L621", "the answer is not certified: %s"),
  ROOTS_NO_RANGE("L612", "roots needs a range to scan for %s"),
  SOLVE_NO_VARIABLE("L613", "'%s' does not appear in this equation"),
  OPT_NONPOSITIVE_LEVEL("L609", "constraint '%s' cannot hold: its level is %s, but its power-law side is positive"),

  // ---- L7xx imports and the standard library -------------------------------------------------
  UNKNOWN_MODULE("L701", "no standard library module '%s'"),
  IMPORT_CLASH("L702", "'%s' is already defined%s"),
  IMPORT_CYCLE("L703", "import cycle: %s"),
  EXTRAPOLATION("L704", "%s is evaluated at %s, more than %s× outside the range it was fitted on (%s)"),
  COMPARE_NOT_A_LAW("L705", "compare takes laws; %s is not a law"),
  COMPARE_MISSING_INPUT("L706", "law '%s' needs input '%s', which 'at (...)' does not give"),
  COMPARE_UNUSED_INPUT("L707", "no law in this comparison has an input '%s'"),
  COMPARE_MIXED_ARGS("L708", "give the point either by name (N = 70B, D = 1.4T) or by position, not both"),

  // ---- L8xx output, plots and files ---------------------------------------------------------
  IO("L801", "%s"),
  PLOT_GENERAL("L802", "%s"),
  // plots and the REPL
  PLOT_UNKNOWN_OPTION("L803", "unknown plot option '%s'"),
  PLOT_NOTHING_ON_LOG_AXIS("L804", "%s has no positive values to show on a log axis"),
  PLOT_NO_RANGE("L805", "the curve '%s' needs a range for %s"),
  PLOT_FORMAT("L806", "cannot tell the picture format of '%s'"),
  PLOT_NO_X("L807", "cannot tell which name in '%s' runs along the x axis"),
  PLOT_POINTS_LEFT_OFF("L808", "%d of %d points of %s are not positive and are left off the log axis"),
  PLOT_OPTION_TEXT("L809", "the plot option '%s' %s"),
  REPL_COMMAND("L810", "unknown command '%s'"),

  // ---- embedding: the Java API and the javax.script engine -----------------------
  EMBED("L811", "%s"),
  INTERNAL("L990", "internal error: %s"),

  // ---- services: file access policy and per-engine limits ------------------------
  FILE_ACCESS("L812", "'%s' is outside the folders this script may %s"),
  FILE_LINK("L813", "'%s' is a symbolic link; law does not write through links"),
  TIME_LIMIT("L902", "stopped: the time limit of %s was reached"),

  // ---- L9xx limits -----------------------------------------------------------------------------
  LIMIT("L901", "%s");

  private final String code;
  private final String template;

  Msg(String code, String template) {
    this.code = code;
    this.template = template;
  }

  public String code() {
    return code;
  }

  public String format(Object... args) {
    return args.length == 0 ? template : String.format(java.util.Locale.ROOT, template, args);
  }
}
