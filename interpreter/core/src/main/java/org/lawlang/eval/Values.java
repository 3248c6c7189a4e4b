package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;
import org.lawlang.syntax.NumberFormat;

/** The plain values: numbers, strings, booleans, lists, records and "nothing". */
public final class Values {
  private Values() {}

  public record Num(double value) implements Value {
    @Override
    public String typeName() {
      return "number";
    }

    @Override
    public String show() {
      return NumberFormat.show(value);
    }
  }

  public record Str(String value) implements Value {
    @Override
    public String typeName() {
      return "string";
    }

    @Override
    public String show() {
      return value;
    }
  }

  public record Bool(boolean value) implements Value {
    @Override
    public String typeName() {
      return "boolean";
    }

    @Override
    public String show() {
      return Boolean.toString(value);
    }
  }

  /** A list of values; numeric lists broadcast through arithmetic and builtins. */
  public record ListVal(List<Value> items) implements Value {
    public ListVal {
      items = List.copyOf(items);
    }

    public static ListVal ofDoubles(double[] xs) {
      List<Value> out = new ArrayList<>(xs.length);
      for (double x : xs) {
        out.add(new Num(x));
      }
      return new ListVal(out);
    }

    @Override
    public String typeName() {
      return "list";
    }

    @Override
    public String show() {
      return "[" + items.stream().map(Value::show).collect(Collectors.joining(", ")) + "]";
    }

    @Override
    public List<String> fieldNames() {
      return List.of("length");
    }

    @Override
    public Value field(String name, Span at) {
      if (name.equals("length")) {
        return new Num(items.size());
      }
      return Value.super.field(name, at);
    }
  }

  /** A record with named fields in a fixed order, such as the result of `solve`. */
  public record Record(String kind, Map<String, Value> fields) implements Value {
    public Record {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String typeName() {
      return kind;
    }

    @Override
    public String show() {
      return "(" + fields.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue().show())
          .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public List<String> fieldNames() {
      return List.copyOf(fields.keySet());
    }

    @Override
    public Value field(String name, Span at) {
      Value v = fields.get(name);
      if (v instanceof Undefined u) {
        throw u.error(at);
      }
      return v != null ? v : Value.super.field(name, at);
    }
  }

  /**
   * A record entry with no value (a fit's standard error or correlation where the Jacobian is
   * singular): the record prints it as "undefined", and reading it out is an error saying why,
   * so no NaN reaches arithmetic or output as if it were an answer.
   */
  public record Undefined(String what, String why, String hint) implements Value {
    @Override
    public String typeName() {
      return "undefined";
    }

    @Override
    public String show() {
      return "undefined";
    }

    LawException error(Span at) {
      return LawException.of(Msg.DOMAIN, at, what, why).hint(hint);
    }
  }

  /** The value of a statement that produces nothing to show. */
  public enum Nothing implements Value {
    INSTANCE;

    @Override
    public String typeName() {
      return "nothing";
    }

    @Override
    public String show() {
      return "";
    }
  }

  // ---- coercions with positioned errors ---------------------------------------------------

  public static double num(Value v, Span at, String what) {
    if (v instanceof Num n) {
      return n.value();
    }
    if (v instanceof Bool b) {
      return b.value() ? 1 : 0;
    }
    if (v instanceof Undefined u) {
      throw u.error(at); // an undefined statistic used as a number: say why it has none
    }
    if (v instanceof Uncertain u && u.isDelta()) {
      return u.point(); // every fit's numbers carry a delta interval; where one number is needed, it is the estimate
    }
    throw LawException.of(Msg.TYPE, at, "a number" + (what == null ? "" : " for " + what), describe(v));
  }

  public static double finite(Value v, Span at, String what) {
    double x = num(v, at, what);
    if (!Double.isFinite(x)) {
      throw LawException.of(Msg.NOT_FINITE, at, what == null ? "the value" : what, NumberFormat.show(x));
    }
    return x;
  }

  public static String str(Value v, Span at, String what) {
    if (v instanceof Str s) {
      return s.value();
    }
    throw LawException.of(Msg.TYPE, at, "a string" + (what == null ? "" : " for " + what), describe(v));
  }

  public static boolean bool(Value v, Span at) {
    if (v instanceof Bool b) {
      return b.value();
    }
    throw LawException.of(Msg.TYPE, at, "true or false", describe(v));
  }

  public static List<Value> list(Value v, Span at, String what) {
    if (v instanceof ListVal l) {
      return l.items();
    }
    throw LawException.of(Msg.TYPE, at, "a list" + (what == null ? "" : " for " + what), describe(v));
  }

  public static double[] doubles(Value v, Span at, String what) {
    if (v instanceof Num n) {
      return new double[] {n.value()};
    }
    if (v instanceof Uncertain u && u.isDelta()) {
      return new double[] {u.point()};
    }
    List<Value> items = list(v, at, what);
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = num(items.get(i), at, what);
    }
    return out;
  }

  public static String describe(Value v) {
    if (v instanceof Num n) {
      return "the number " + n.show();
    } else if (v instanceof Str s) {
      return "the string \"" + s.value() + "\"";
    } else if (v instanceof Bool b) {
      return b.show();
    }
    return article(v.typeName());
  }

  /** "a dataset", "an optimum": a type name with its indefinite article, for messages. */
  public static String article(String noun) {
    return ("aeiou".indexOf(noun.isEmpty() ? 'x' : noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
