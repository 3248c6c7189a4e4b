package org.lawlang.data;

/**
 * One column of a {@link Dataset}: numbers, text or true/false flags, all of one length.
 * Real scaling-law tables carry categories (model family, data source, an outlier flag)
 * beside their numbers; the kind is inferred from a file or declared by the script.
 * Arrays are shared, never modified after construction.
 */
public sealed interface Column {
  /** The kinds, as a script names them (`source = text "source"`). */
  enum Kind {
    NUMBER("number"), TEXT("text"), BOOL("bool");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static Kind of(String word) {
      for (Kind k : values()) {
        if (k.word.equals(word)) {
          return k;
        }
      }
      return null;
    }
  }

  int size();

  Kind kind();

  /** The rows at {@code indices}, in that order (with repeats). */
  Column select(int[] indices);

  /** Finite numbers. */
  /** Whether a row's cell is missing (an empty text cell; numbers and flags are never missing). */
  default boolean isMissing(int row) {
    return this instanceof Texts t && t.values()[row] == null;
  }

  record Numbers(double[] values) implements Column {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public Column select(int[] indices) {
      double[] out = new double[indices.length];
      for (int i = 0; i < indices.length; i++) {
        out[i] = values[indices[i]];
      }
      return new Numbers(out);
    }
  }

  /** Text; a missing cell is null. */
  record Texts(String[] values) implements Column {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Kind kind() {
      return Kind.TEXT;
    }

    @Override
    public Column select(int[] indices) {
      String[] out = new String[indices.length];
      for (int i = 0; i < indices.length; i++) {
        out[i] = values[indices[i]];
      }
      return new Texts(out);
    }

    public int missing() {
      int n = 0;
      for (String v : values) {
        if (v == null) {
          n++;
        }
      }
      return n;
    }

    /** The distinct values in order of first appearance (missing cells left out). */
    public java.util.List<String> distinct() {
      java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
      for (String v : values) {
        if (v != null) {
          seen.add(v);
        }
      }
      return java.util.List.copyOf(seen);
    }
  }

  /** True/false flags. */
  record Flags(boolean[] values) implements Column {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Kind kind() {
      return Kind.BOOL;
    }

    @Override
    public Column select(int[] indices) {
      boolean[] out = new boolean[indices.length];
      for (int i = 0; i < indices.length; i++) {
        out[i] = values[indices[i]];
      }
      return new Flags(out);
    }

    public int count() {
      int n = 0;
      for (boolean v : values) {
        if (v) {
          n++;
        }
      }
      return n;
    }
  }
}
