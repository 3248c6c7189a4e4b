package org.lawlang.compile;

import org.lawlang.compile.Formula.*;
import org.lawlang.semantics.MathFunction;

/**
 * The rules of {@link MathFunction} (derivatives, rounding spreads) written out as formulas:
 * each operation makes its node as it is, without simplification. {@link #PLAIN} is that;
 * {@link Symbolic} overrides the operations it simplifies.
 */
class FormulaAlgebra implements MathFunction.Algebra<Formula> {
  static final FormulaAlgebra PLAIN = new FormulaAlgebra();

  @Override
  public Formula num(double c) {
    return new Const(c);
  }

  @Override
  public Formula add(Formula a, Formula b) {
    return new Arith(ArithOp.ADD, a, b);
  }

  @Override
  public Formula mul(Formula a, Formula b) {
    return new Arith(ArithOp.MUL, a, b);
  }

  @Override
  public Formula div(Formula a, Formula b) {
    return new Arith(ArithOp.DIV, a, b);
  }

  @Override
  public Formula pow(Formula a, Formula b) {
    return new Arith(ArithOp.POW, a, b);
  }

  @Override
  public Formula neg(Formula a) {
    return new Neg(a);
  }

  @Override
  public Formula call(MathFunction f, Formula x) {
    return new Apply(f, x);
  }

  @Override
  public Formula sign(Formula x) {
    return new Sign(x);
  }

  @Override
  public Formula abs(Formula x) {
    return new Apply(MathFunction.ABS, x);
  }
}
