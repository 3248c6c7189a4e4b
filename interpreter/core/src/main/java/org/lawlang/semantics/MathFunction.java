package org.lawlang.semantics;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one declaration of each scalar math function a formula may call (the unary ones; min
 * and max, piecewise and of any arity, are the two {@link Builtin}s the formula paths treat as
 * selections). An entry gives everything every path needs: the evaluation (the interpreter,
 * the tape), the domain (the "log of a non-positive value" errors and the fit's data checks),
 * the derivative by the chain rule (compile.Symbolic), the rounding spread (compile.Magnitude),
 * the shape that interval enclosures use (certify.Enclosure) and the documentation (help,
 * completion, hints). Adding a function is one entry here and one in {@link Builtin}.
 */
public enum MathFunction {
  LN("ln", "natural logarithm", Domain.POSITIVE, Shape.INCREASING) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.div(dx, x);
    }
  },
  LOG("log", "natural logarithm (same as ln)", Domain.POSITIVE, Shape.INCREASING) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.div(dx, x);
    }
  },
  LOG10("log10", "base-10 logarithm", Domain.POSITIVE, Shape.INCREASING) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.div(dx, a.mul(x, a.num(Math.log(10))));
    }
  },
  LOG2("log2", "base-2 logarithm", Domain.POSITIVE, Shape.INCREASING) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.div(dx, a.mul(x, a.num(Math.log(2))));
    }
  },
  EXP("exp", "e to the power x", Domain.ALL, Shape.INCREASING) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.mul(fx, dx);
    }
  },
  SQRT("sqrt", "square root", Domain.NON_NEGATIVE, Shape.INCREASING) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.div(dx, a.mul(a.num(2), fx));
    }
  },
  ATAN("atan", "arc tangent, in radians", Domain.ALL, Shape.INCREASING) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.div(dx, a.add(a.num(1), a.pow(x, a.num(2))));
    }
  },
  SIN("sin", "sine of an angle in radians", Domain.ALL, Shape.UNIT_WAVE) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.mul(a.call(COS, x), dx);
    }
  },
  COS("cos", "cosine of an angle in radians", Domain.ALL, Shape.UNIT_WAVE) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.mul(a.neg(a.call(SIN, x)), dx);
    }
  },
  ABS("abs", "absolute value", Domain.ALL, Shape.V) {
    @Override
    <E> E chain(Algebra<E> a, E x, E dx, E fx) {
      return a.mul(a.sign(x), dx);
    }
  };

  /** Where a function is defined on the reals. */
  public enum Domain {
    ALL, POSITIVE, NON_NEGATIVE
  }

  /** What an interval enclosure may assume: increasing on its domain, within [-1, 1], or |x|. */
  public enum Shape {
    INCREASING, UNIT_WAVE, V
  }

  /**
   * The expression operations a rule builds with, so that one rule serves the simplifying
   * differentiator and the plain tree builders alike.
   */
  public interface Algebra<E> {
    E num(double c);

    E add(E a, E b);

    E mul(E a, E b);

    E div(E a, E b);

    E pow(E a, E b);

    E neg(E a);

    E call(MathFunction f, E x);

    /** The sign of x (-1, 0 or 1): piecewise constant, so its derivative is zero. */
    E sign(E x);

    E abs(E x);
  }

  private static final Map<String, MathFunction> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(f -> f.name, Function.identity()));

  /** The name a script calls it by. */
  public final String name;
  public final String doc;
  public final Domain domain;
  public final Shape shape;

  MathFunction(String name, String doc, Domain domain, Shape shape) {
    this.name = name;
    this.doc = doc;
    this.domain = domain;
    this.shape = shape;
  }

  public static Optional<MathFunction> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The value at x (NaN outside the domain, as Java's Math gives). */
  public final double apply(double x) {
    return switch (this) {
      case LN, LOG -> Math.log(x);
      case LOG10 -> Math.log10(x);
      case LOG2 -> Math.log(x) / Math.log(2);
      case EXP -> Math.exp(x);
      case SQRT -> Math.sqrt(x);
      case ATAN -> Math.atan(x);
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case ABS -> Math.abs(x);
    };
  }

  /** Whether x is inside the domain (NaN is not). */
  public final boolean accepts(double x) {
    return switch (domain) {
      case ALL -> true;
      case POSITIVE -> x > 0;
      case NON_NEGATIVE -> x >= 0;
    };
  }

  /** The hint of the error for a value outside the domain. */
  public final String domainHint() {
    return domain == Domain.NON_NEGATIVE ? name + " needs a value >= 0" : name + " needs a positive value";
  }

  /**
   * The derivative of f(x) by the chain rule, given x, the derivative dx of x and the call fx
   * itself (exp and sqrt reuse it).
   */
  abstract <E> E chain(Algebra<E> a, E x, E dx, E fx);

  /** As {@link #chain}, for the builders outside this package. */
  public final <E> E derivative(Algebra<E> a, E x, E dx, E fx) {
    return chain(a, x, dx, fx);
  }

  /**
   * How rounding in the argument, of size m, shows in the value: the derivative's size times
   * m for the smooth functions (sqrt: the square root of m, as sqrt magnifies near zero).
   */
  public final <E> E spread(Algebra<E> a, E x, E m, E fx) {
    return switch (this) {
      case LN, LOG, LOG10, LOG2 -> a.div(m, a.abs(x));
      case EXP -> a.mul(a.abs(fx), m);
      case SQRT -> a.call(SQRT, m);
      case ATAN -> a.div(m, a.add(a.num(1), a.mul(x, x)));
      case SIN, COS, ABS -> m;
    };
  }

  /** The names, for hints that list what a formula may call. */
  public static String namesText() {
    return Arrays.stream(values()).map(f -> f.name).collect(Collectors.joining(" ")) + " min max";
  }
}
