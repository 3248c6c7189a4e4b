package org.lawlang.eval;

import java.util.List;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Msg;
import org.lawlang.diag.Span;

/**
 * A runtime value of the language: a number, string, boolean, list, record, law, dataset,
 * module, function or a solver's result. Values are immutable. Results with fields (fits,
 * optima, records) answer {@link #field}; everything prints through {@link #show}.
 */
public interface Value {
  /** A word for the kind of value, used in messages ("number", "law", "dataset"). */
  String typeName();

  /** How `print` shows the value. */
  String show();

  /** The names {@link #field} answers, for completion and messages. */
  default List<String> fieldNames() {
    return List.of();
  }

  /** Reads a field (`opt.N`, `f.alpha`); unknown fields are a positioned error. */
  default Value field(String name, Span at) {
    throw LawException.of(Msg.NO_FIELD, at, Values.article(typeName()), name)
        .hint(fieldNames().isEmpty() ? null : org.lawlang.diag.Suggest.closest(name, fieldNames())
            .map(s -> "did you mean '" + s + "'?").orElse("its fields are " + String.join(", ", fieldNames())));
  }
}
