package org.lawlang.syntax;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lawlang.diag.Source;
import org.lawlang.diag.Span;

/**
 * A compact binary form of a parsed program's statements, for the {@link ParseCache}. Spans
 * are stored as offsets and re-attached to the {@link Source} they are read back against, so
 * an entry carries no file name.
 *
 * <p>Generic over the AST: every node is a record, written as its class (named once per
 * entry, then by number) followed by its components in declaration order; lists, strings,
 * numbers, enums, spans and {@code double[]} are the leaves. A new node or field needs no code
 * here. A record's components and canonical constructor are looked up once per class and
 * kept. An entry names the components' count with each class, and the cache's build stamp
 * (ParseCache) retires entries written by another build of law, so a changed record is never
 * read with an old layout.
 */
public final class AstCodec {
  /** The layout version; part of every cache entry's header. */
  public static final int FORMAT = 3;

  private AstCodec() {}

  /** Thrown when a program holds something the codec cannot store (it is then simply not cached). */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /** Encodes a program's statements; spans must belong to its source (or be {@link Span#NOWHERE}). */
  public static byte[] encode(Program program) {
    Writer w = new Writer(program.source());
    w.value(program.statements());
    return w.bytes();
  }

  /** Decodes statements written by {@link #encode}, attaching their spans to {@code source}. */
  @SuppressWarnings("unchecked")
  public static Program decode(byte[] data, int offset, int length, Source source) {
    Reader r = new Reader(data, offset, length, source);
    Object statements = r.value();
    if (r.pos != offset + length) {
      throw new IllegalStateException("trailing bytes in a parse-cache entry");
    }
    if (!(statements instanceof List<?> list) || !list.stream().allMatch(s -> s instanceof Stmt)) {
      throw new IllegalStateException("a parse-cache entry that is not a list of statements");
    }
    return new Program(source, (List<Stmt>) list);
  }

  // ---- the shape of a node class, found once -----------------------------------------------

  /** A record class's components (their accessors) and canonical constructor. */
  private record Shape(Class<?> type, RecordComponent[] components, Constructor<?> constructor) {
    static Shape of(Class<?> type) {
      if (!type.isRecord() || !(Stmt.class.isAssignableFrom(type) || Expr.class.isAssignableFrom(type)
          || type.getEnclosingClass() == Stmt.class || type.getEnclosingClass() == Expr.class)) {
        throw new Unsupported(type.getName());
      }
      RecordComponent[] cs = type.getRecordComponents();
      Class<?>[] types = new Class<?>[cs.length];
      for (int i = 0; i < cs.length; i++) {
        types[i] = cs[i].getType();
      }
      try {
        return new Shape(type, cs, type.getDeclaredConstructor(types));
      } catch (NoSuchMethodException e) {
        throw new Unsupported(type.getName());
      }
    }

    Object component(Object node, int i) {
      try {
        return components[i].getAccessor().invoke(node);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new Unsupported(type.getName() + "." + components[i].getName());
      }
    }

    Object build(Object[] args) {
      try {
        return constructor.newInstance(args);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IllegalStateException("a parse-cache entry does not fit " + type.getName());
      }
    }
  }

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private static Shape shape(Class<?> type) {
    return SHAPES.computeIfAbsent(type, Shape::of);
  }

  /** The node classes by name, for reading: only records of the AST's own nesting are ever loaded. */
  private static Class<?> nodeClass(String name) {
    String prefix = AstCodec.class.getPackageName() + ".";
    if (!name.startsWith(prefix + "Expr$") && !name.startsWith(prefix + "Stmt$")) {
      throw new IllegalStateException("not an AST class: " + name);
    }
    try {
      return Class.forName(name, false, AstCodec.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no AST class " + name);
    }
  }

  // ---- tags --------------------------------------------------------------------------------

  private static final int NULL = 0;
  private static final int NODE = 1;
  private static final int NEW_NODE = 2;
  private static final int LIST = 3;
  private static final int STRING = 4;
  private static final int NUMBER = 5;
  private static final int TRUE = 6;
  private static final int FALSE = 7;
  private static final int ENUM = 8;
  private static final int NEW_ENUM = 9;
  private static final int SPAN = 10;
  private static final int NUMBERS = 11;

  // ---- writing ---------------------------------------------------------------------------

  private static final class Writer {
    private final Source source;
    private byte[] buf = new byte[4096];
    private int n;

    Writer(Source source) {
      this.source = source;
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(buf, n);
    }

    private void room(int k) {
      if (n + k > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + k));
      }
    }

    void u8(int v) {
      room(1);
      buf[n++] = (byte) v;
    }

    /** Non-negative ints as base-128 varints: offsets and counts are small. */
    void uint(int v) {
      if (v < 0) {
        throw new Unsupported("negative count");
      }
      room(5);
      while ((v & ~0x7f) != 0) {
        buf[n++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
    }

    void f64(double d) {
      long bits = Double.doubleToRawLongBits(d);
      room(8);
      for (int i = 0; i < 8; i++) {
        buf[n++] = (byte) (bits >>> (8 * i));
      }
    }

    void bool(boolean b) {
      u8(b ? 1 : 0);
    }

    /** A nullable string: 0 for null, else length + 1 and the UTF-16 units. */
    void str(String s) {
      if (s == null) {
        uint(0);
        return;
      }
      uint(s.length() + 1);
      room(3 * s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          buf[n++] = (byte) c;
        } else {
          // any other UTF-16 unit (surrogates included) as a marker and its two bytes: rare in scripts
          buf[n++] = (byte) 0x80;
          buf[n++] = (byte) (c >>> 8);
          buf[n++] = (byte) c;
        }
      }
    }

    void span(Span s) {
      if (s == null) {
        u8(0);
      } else if (s == Span.NOWHERE) {
        u8(1);
      } else if (s.source() == source) {
        u8(2);
        uint(s.start());
        uint(s.end() - s.start());
      } else {
        throw new Unsupported("a span from another source");
      }
    }

    /** Classes already named in this entry, by their number. */
    private final Map<Class<?>, Integer> classes = new IdentityHashMap<>();

    /** Writes a class once by name (with its component or constant count), then by number. */
    private void type(Class<?> type, int known, int fresh, int count) {
      Integer id = classes.get(type);
      if (id != null) {
        u8(known);
        uint(id);
        return;
      }
      classes.put(type, classes.size());
      u8(fresh);
      str(type.getName());
      uint(count);
    }

    void value(Object v) {
      if (v == null) {
        u8(NULL);
      } else if (v instanceof Span s) {
        u8(SPAN);
        span(s);
      } else if (v instanceof String s) {
        u8(STRING);
        str(s);
      } else if (v instanceof Double d) {
        u8(NUMBER);
        f64(d);
      } else if (v instanceof Boolean b) {
        u8(b ? TRUE : FALSE);
      } else if (v instanceof List<?> list) {
        u8(LIST);
        uint(list.size());
        for (Object item : list) {
          value(item);
        }
      } else if (v instanceof double[] xs) {
        u8(NUMBERS);
        uint(xs.length);
        for (double x : xs) {
          f64(x);
        }
      } else if (v instanceof Enum<?> e) {
        Class<?> type = e.getDeclaringClass();
        type(type, ENUM, NEW_ENUM, type.getEnumConstants().length);
        uint(e.ordinal());
      } else if (v instanceof Record) {
        Shape shape = shape(v.getClass());
        type(shape.type(), NODE, NEW_NODE, shape.components().length);
        for (int i = 0; i < shape.components().length; i++) {
          value(shape.component(v, i));
        }
      } else {
        throw new Unsupported(v.getClass().getName());
      }
    }
  }

  // ---- reading ---------------------------------------------------------------------------

  private static final class Reader {
    private final byte[] buf;
    private final int end;
    private final Source source;
    int pos;

    Reader(byte[] buf, int offset, int length, Source source) {
      this.buf = buf;
      this.pos = offset;
      this.end = offset + length;
      this.source = source;
    }

    int u8() {
      if (pos >= end) {
        throw new IllegalStateException("truncated parse-cache entry");
      }
      return buf[pos++] & 0xff;
    }

    int uint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        v |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalStateException("bad number in a parse-cache entry");
    }

    double f64() {
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits |= (long) u8() << (8 * i);
      }
      return Double.longBitsToDouble(bits);
    }

    boolean bool() {
      return u8() != 0;
    }

    String str() {
      int len = uint() - 1;
      if (len < 0) {
        return null;
      }
      char[] cs = new char[len];
      for (int i = 0; i < len; i++) {
        int b = u8();
        if (b < 0x80) {
          cs[i] = (char) b;
        } else if (b == 0x80) {
          cs[i] = (char) ((u8() << 8) | u8());
        } else {
          throw new IllegalStateException("bad character in a parse-cache entry");
        }
      }
      return new String(cs);
    }

    Span span() {
      switch (u8()) {
        case 0:
          return null;
        case 1:
          return Span.NOWHERE;
        case 2:
          int start = uint();
          int length = uint();
          if (start + length > source.text().length()) {
            throw new IllegalStateException("a span past the end of its source");
          }
          return new Span(source, start, start + length);
        default:
          throw new IllegalStateException("bad span tag");
      }
    }

    /** Classes named so far in this entry, by number: a node's shape, or an enum's constants. */
    private final List<Object> classes = new ArrayList<>();

    private Object named() {
      Class<?> type = nodeClass(str());
      int count = uint();
      if (type.isEnum()) {
        Object[] constants = type.getEnumConstants();
        if (constants.length != count) {
          throw new IllegalStateException("enum " + type.getName() + " has changed");
        }
        classes.add(constants);
        return constants;
      }
      Shape shape = shape(type);
      if (shape.components().length != count) {
        throw new IllegalStateException("node " + type.getName() + " has changed");
      }
      classes.add(shape);
      return shape;
    }

    private Object known() {
      int id = uint();
      if (id >= classes.size()) {
        throw new IllegalStateException("bad class number in a parse-cache entry");
      }
      return classes.get(id);
    }

    Object value() {
      int tag = u8();
      switch (tag) {
        case NULL:
          return null;
        case SPAN:
          return span();
        case STRING:
          return str();
        case NUMBER:
          return f64();
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case LIST: {
          int size = uint();
          if (size > end - pos) {
            throw new IllegalStateException("a list longer than its entry");
          }
          Object[] items = new Object[size];
          for (int i = 0; i < size; i++) {
            items[i] = value();
          }
          return Collections.unmodifiableList(java.util.Arrays.asList(items));
        }
        case NUMBERS: {
          int size = uint();
          if (size > (end - pos) / 8) {
            throw new IllegalStateException("numbers past the end of their entry");
          }
          double[] xs = new double[size];
          for (int i = 0; i < size; i++) {
            xs[i] = f64();
          }
          return xs;
        }
        case ENUM:
        case NEW_ENUM: {
          Object type = tag == ENUM ? known() : named();
          if (!(type instanceof Object[] constants)) {
            throw new IllegalStateException("an enum tag on a node class");
          }
          int ordinal = uint();
          if (ordinal >= constants.length) {
            throw new IllegalStateException("bad enum constant in a parse-cache entry");
          }
          return constants[ordinal];
        }
        case NODE:
        case NEW_NODE: {
          Object type = tag == NODE ? known() : named();
          if (!(type instanceof Shape shape)) {
            throw new IllegalStateException("a node tag on an enum");
          }
          Object[] args = new Object[shape.components().length];
          for (int i = 0; i < args.length; i++) {
            args[i] = value();
          }
          return shape.build(args);
        }
        default:
          throw new IllegalStateException("bad tag in a parse-cache entry");
      }
    }
  }
}
