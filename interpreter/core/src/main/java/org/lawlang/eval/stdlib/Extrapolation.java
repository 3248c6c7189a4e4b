package org.lawlang.eval.stdlib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Diagnostic;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.eval.Interpreter;
import org.lawlang.eval.Services;
import org.lawlang.eval.Value;
import org.lawlang.eval.Values;
import org.lawlang.semantics.Law;
import org.lawlang.syntax.NumberFormat;

/**
 * The law-call hook that warns when a law is evaluated far outside the range its
 * constants were fitted on (a law's `fitted N in [lo, hi]` clause): more than
 * {@code extrapolationFactor} times below the low end or above the high end (default 10,
 * from the session settings; 0 or less turns the warning off). One warning per law per
 * statement, naming every input that is out (through {@link Interpreter#warnOnce}); the value is still computed.
 *
 * <p>A law called from inside a standard-library law or proc is reported at the user's call
 * that led to it (the latest law or proc call written outside the standard library), naming
 * the inner law.
 * Registered in {@code Services.standard()}.
 */
public final class Extrapolation implements Services.LawCallHook {
  /** The last call site written in user code; inner calls from stdlib formulas point here. */
  private Span lastUserCall;

  @Override
  public Span userSite(Span at) {
    return isStdlib(at) && lastUserCall != null ? lastUserCall : at;
  }

  @Override
  public void beforeProc(Span at) {
    if (!isStdlib(at)) {
      lastUserCall = at;
    }
  }

  @Override
  public void beforeCall(Law law, List<Value> args, Span at, Interpreter interpreter) {
    boolean inStdlib = isStdlib(at);
    if (!inStdlib) {
      lastUserCall = at;
    }
    Map<String, double[]> fitted = law.meta().fitted();
    double factor = interpreter.session().settings().extrapolationFactor();
    if (fitted.isEmpty() || !(factor > 0) || Double.isInfinite(factor)) {
      return;
    }
    List<String> points = new ArrayList<>();
    List<String> ranges = new ArrayList<>();
    for (int i = 0; i < args.size() && i < law.inputs().size(); i++) {
      String input = law.inputs().get(i);
      double[] range = fitted.get(input);
      Double x = range == null ? null : firstOutside(args.get(i), range[0], range[1], factor);
      if (x != null) {
        points.add(input + " = " + NumberFormat.show(x));
        ranges.add(input + " in [" + NumberFormat.show(range[0]) + ", " + NumberFormat.show(range[1]) + "]");
      }
    }
    if (points.isEmpty()) {
      return;
    }
    Span where = inStdlib && lastUserCall != null ? lastUserCall : at;
    Diagnostic warning = Diagnostic.warning(Msg.EXTRAPOLATION, where, "law '" + law.name() + "'", String.join(" and ", points),
        NumberFormat.show(factor), String.join(", ", ranges));
    String source = Citations.shortName(law.meta().cite());
    interpreter.warnOnce("extrapolation:" + law.name(),
        warning.withHint("the value is computed anyway; the fit " + (source == null ? "" : "(" + source + ") ")
            + "may not hold this far out"));
  }

  /** Whether a span lies in a standard-library module's source. */
  static boolean isStdlib(Span at) {
    return at != null && at.source() != null && at.source().name().startsWith("stdlib/");
  }

  /** The first number in a value (a number or a list of them) that lies far outside [lo, hi], or null. */
  static Double firstOutside(Value v, double lo, double hi, double factor) {
    if (v instanceof Values.Num n) {
      return outside(n.value(), lo, hi, factor) ? n.value() : null;
    }
    if (v instanceof Values.ListVal l) {
      for (Value item : l.items()) {
        Double x = firstOutside(item, lo, hi, factor);
        if (x != null) {
          return x;
        }
      }
    }
    return null;
  }

  /**
   * Far outside means below lo/factor or above hi·factor for positive ends (ranges of
   * sizes, tokens and compute span decades); an end at or below zero is widened by
   * (factor − 1) times the width of the range instead.
   */
  static boolean outside(double x, double lo, double hi, double factor) {
    if (Double.isNaN(x)) {
      return false;
    }
    double width = hi - lo;
    double low = lo > 0 ? lo / factor : lo - (factor - 1) * width;
    double high = hi > 0 ? hi * factor : hi + (factor - 1) * width;
    return x < low || x > high;
  }
}
