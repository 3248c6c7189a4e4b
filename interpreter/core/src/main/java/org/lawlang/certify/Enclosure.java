package org.lawlang.certify;

import java.util.Map;
import org.lawlang.compile.Formula;
import org.lawlang.semantics.MathFunction;

/**
 * Interval arithmetic on a lowered formula: an interval sure to contain every value the
 * formula takes while each variable stays in its range. Bounds are rounded outwards (one ulp
 * per operation), and whatever it cannot bound (a quotient whose divisor may be 0, a power of
 * a base that may be negative) is the whole line, so an enclosure is never too narrow. It proves
 * infeasibility where a search can only fail: a constraint whose side's enclosure misses its
 * level holds at no point of the box.
 */
final class Enclosure {
  private Enclosure() {}

  /** [lo, hi]; the whole line when nothing better is known. */
  record Interval(double lo, double hi) {
    static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    static Interval of(double lo, double hi) {
      if (Double.isNaN(lo) || Double.isNaN(hi)) {
        return ALL;
      }
      return new Interval(lo == Double.NEGATIVE_INFINITY ? lo : Math.nextDown(lo), hi == Double.POSITIVE_INFINITY ? hi : Math.nextUp(hi));
    }

    boolean contains(double x) {
      return lo <= x && x <= hi;
    }
  }

  /** The enclosure of {@code e} with each decision variable in its interval of {@code box} (by name). */
  static Interval of(Formula e, Map<String, Interval> box) {
    return e.accept(new Formula.Visitor<>() {
      @Override
      public Interval constant(Formula.Const c) {
        return new Interval(c.value(), c.value());
      }

      @Override
      public Interval ref(Formula.Ref r) {
        Interval v = r.kind() == Formula.Kind.VARIABLE ? box.get(r.name()) : null;
        return v == null ? Interval.ALL : v;
      }

      @Override
      public Interval neg(Formula.Neg n) {
        Interval a = n.x().accept(this);
        return new Interval(-a.hi(), -a.lo());
      }

      @Override
      public Interval arith(Formula.Arith b) {
        Interval l = b.l().accept(this);
        Interval r = b.r().accept(this);
        return switch (b.op()) {
          case ADD -> Interval.of(l.lo() + r.lo(), l.hi() + r.hi());
          case SUB -> Interval.of(l.lo() - r.hi(), l.hi() - r.lo());
          case MUL -> product(l, r);
          case DIV -> r.lo() > 0 || r.hi() < 0 ? product(l, Interval.of(1 / r.hi(), 1 / r.lo())) : Interval.ALL;
          case POW -> power(l, b.r() instanceof Formula.Const p ? p.value() : Double.NaN);
        };
      }

      @Override
      public Interval compare(Formula.Compare c) {
        return new Interval(0, 1);
      }

      @Override
      public Interval apply(Formula.Apply f) {
        Interval a = f.x().accept(this);
        MathFunction fn = f.fn();
        return switch (fn.shape) {
          case INCREASING -> fn.accepts(a.lo()) ? Interval.of(fn.apply(a.lo()), fn.apply(a.hi())) : Interval.ALL;
          case UNIT_WAVE -> new Interval(-1, 1);
          case V -> a.lo() >= 0 ? a : a.hi() <= 0 ? new Interval(-a.hi(), -a.lo())
              : new Interval(0, Math.max(-a.lo(), a.hi()));
        };
      }

      @Override
      public Interval sign(Formula.Sign s) {
        return new Interval(-1, 1);
      }

      @Override
      public Interval select(Formula.Select s) {
        Interval a = s.then().accept(this);
        Interval b = s.otherwise().accept(this);
        return new Interval(Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
      }

      @Override
      public Interval extreme(Formula.Extreme x) {
        Interval a = x.l().accept(this);
        Interval b = x.r().accept(this);
        return x.min() ? new Interval(Math.min(a.lo(), b.lo()), Math.min(a.hi(), b.hi()))
            : new Interval(Math.max(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
      }
    });
  }

  private static Interval product(Interval a, Interval b) {
    double[] ends = {a.lo() * b.lo(), a.lo() * b.hi(), a.hi() * b.lo(), a.hi() * b.hi()};
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : ends) {
      if (Double.isNaN(x)) {
        return Interval.ALL; // 0 times infinity: nothing is known
      }
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return Interval.of(lo, hi);
  }

  /** x^p for a constant p: monotone pieces for a base that stays non-negative, integer powers otherwise. */
  private static Interval power(Interval a, double p) {
    if (Double.isNaN(p)) {
      return Interval.ALL;
    }
    boolean integer = p == Math.rint(p) && Math.abs(p) < 1e9;
    if (a.lo() >= 0) {
      if (p < 0 && a.lo() == 0) {
        return Interval.ALL;
      }
      double x = Math.pow(a.lo(), p);
      double y = Math.pow(a.hi(), p);
      return Interval.of(Math.min(x, y), Math.max(x, y));
    }
    if (!integer || p < 0) {
      return Interval.ALL; // a fractional power of a possibly negative base, or a possible 1/0
    }
    long n = (long) p;
    if (n % 2 == 1) {
      return Interval.of(Math.pow(a.lo(), p), Math.pow(a.hi(), p));
    }
    double hi = Math.max(Math.pow(a.lo(), p), Math.pow(a.hi(), p));
    return Interval.of(a.hi() < 0 ? Math.pow(a.hi(), p) : 0, hi);
  }
}
