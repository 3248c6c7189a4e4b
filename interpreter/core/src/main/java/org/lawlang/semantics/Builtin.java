package org.lawlang.semantics;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one registry of builtin functions, called like laws. {@code math} builtins are
 * scalar functions with exact derivatives and may appear inside law bodies (the unary ones are
 * declared in {@link MathFunction}; min and max are piecewise selections); the others work on lists, strings and records and are evaluated by
 * org.lawlang.eval.BuiltinCalls.
 */
public enum Builtin {
  LN(MathFunction.LN),
  LOG(MathFunction.LOG),
  LOG10(MathFunction.LOG10),
  LOG2(MathFunction.LOG2),
  EXP(MathFunction.EXP),
  SQRT(MathFunction.SQRT),
  ATAN(MathFunction.ATAN),
  SIN(MathFunction.SIN),
  COS(MathFunction.COS),
  ABS(MathFunction.ABS),
  MIN("min", 1, Integer.MAX_VALUE, true, "smallest of the arguments, or of a list"),
  MAX("max", 1, Integer.MAX_VALUE, true, "largest of the arguments, or of a list"),
  LOGSPACE("logspace", 3, 3, false, "logspace(a, b, n): n numbers from a to b evenly spaced in log scale"),
  LINSPACE("linspace", 3, 3, false, "linspace(a, b, n): n numbers from a to b evenly spaced"),
  SUM("sum", 1, 1, false, "sum of a list"),
  MEAN("mean", 1, 1, false, "mean of a list"),
  MEDIAN("median", 1, 1, false, "median of a list"),
  COUNT("count", 1, 1, false, "number of items in a list or rows in a dataset"),
  LARGEST("largest", 2, 2, false, "largest(xs, k): the k-th largest value of a list"),
  SMALLEST("smallest", 2, 2, false, "smallest(xs, k): the k-th smallest value of a list"),
  SORT("sort", 1, 1, false, "a list sorted ascending"),
  SI("si", 1, 1, false, "a number as text with a K/M/B/T suffix: si(7e10) is \"70B\""),
  STR("str", 1, 1, false, "a value as text"),
  ROUND("round", 1, 2, false, "round(x) or round(x, digits)"),
  // ---- workflow helpers: optimisation and scaling workflows ----
  POWERFIT("powerfit", 2, 2, false, "powerfit(xs, ys): least squares of ln y on ln x; a record (coef, exponent, r2, n) with y ≈ coef·x^exponent"),
  POLYFIT("polyfit", 3, 3, false, "polyfit(xs, ys, degree): least-squares polynomial coefficients [c0, c1, ...] of y ≈ c0 + c1·x + ..."),
  UNIQUE("unique", 1, 1, false, "unique(xs): the distinct values of a list, ascending"),
  ARGMIN("argmin", 1, 1, false, "argmin(xs): the index of the smallest value (the first, on ties)"),
  ARGMAX("argmax", 1, 1, false, "argmax(xs): the index of the largest value (the first, on ties)"),
  VERTEX("vertex", 2, 2, false, "vertex(xs, ys): the least-squares parabola's extremum, a record (x, y, curvature, inside, n)"),
  WARN_IF("warn_if", 2, 2, false, "warn_if(condition, text): a warning with the text when the condition holds; returns the condition"),
  // ---- text, random numbers and relations (typed columns and groups) ----
  STARTSWITH("startswith", 2, 2, false, "startswith(text, prefix): whether the text begins with the prefix"),
  ENDSWITH("endswith", 2, 2, false, "endswith(text, suffix): whether the text ends with the suffix"),
  CONTAINS("contains", 2, 2, false, "contains(text, part): whether the part occurs in the text"),
  LOWER("lower", 1, 1, false, "lower(text): the text in lower case"),
  UPPER("upper", 1, 1, false, "upper(text): the text in upper case"),
  FORMAT("format", 2, 2, false, "format(x, digits): a number as text with that many significant digits (1 to 17)"),
  RANDOM("random", 1, 2, false, "random(n, seed): n numbers uniform in [0, 1), the same for the same seed (default 0)"),
  NORMAL("normal", 3, 4, false, "normal(n, mean, sd, seed): n normally distributed numbers, the same for the same seed (default 0)"),
  SAMPLE("sample", 2, 3, false, "sample(xs, n, seed): n items of a list, or n rows of a dataset, drawn with replacement"),
  JOIN("join", 3, 3, false, "join(a, b, \"key\"): the rows of a and b that share the key column, side by side"),
  WRITE("write", 2, 2, false, "write(data, \"file.csv\"): a dataset or table written as CSV, numbers in full");

  private static final Map<String, Builtin> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(b -> b.name, Function.identity()));

  public final String name;
  public final int minArgs;
  public final int maxArgs;
  public final boolean math;
  public final String doc;

  /** The math function's declaration, for the scalar math builtins; null otherwise (and for min and max). */
  public final MathFunction function;

  Builtin(MathFunction f) {
    this(f.name, 1, 1, true, f.doc, f);
  }

  Builtin(String name, int minArgs, int maxArgs, boolean math, String doc) {
    this(name, minArgs, maxArgs, math, doc, null);
  }

  Builtin(String name, int minArgs, int maxArgs, boolean math, String doc, MathFunction function) {
    this.function = function;
    this.name = name;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
    this.math = math;
    this.doc = doc;
  }

  public static Optional<Builtin> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static java.util.Set<String> names() {
    return BY_NAME.keySet();
  }

  public String arityText() {
    if (minArgs == maxArgs) {
      return minArgs + (minArgs == 1 ? " argument" : " arguments");
    }
    return maxArgs == Integer.MAX_VALUE ? "at least " + minArgs + " argument" + (minArgs == 1 ? "" : "s")
        : minArgs + " to " + maxArgs + " arguments";
  }
}
