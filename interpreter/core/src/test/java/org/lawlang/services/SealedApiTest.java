package org.lawlang.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lawlang.api.LawEngine;

/**
 * The public API is sealed: no public or protected member of a public class of
 * org.lawlang.api mentions a type from the interpreter's internals (eval, diag, syntax, ...)
 * or from a library (Jackson, ANTLR, Commons Math) — only the JDK and the API itself.
 */
class SealedApiTest {
  @Test
  void noInternalTypeInAnyPublicSignature() throws Exception {
    List<Class<?>> api = publicApiClasses();
    assertThat(api).extracting(Class::getSimpleName).contains("LawEngine", "LawResult", "LawScriptException", "LawScriptEngine",
        "FitResult", "JsonReport");
    TreeSet<String> leaks = new TreeSet<>();
    for (Class<?> c : api) {
      check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
      for (Type t : c.getGenericInterfaces()) {
        check(c.getName() + " implements", t, leaks);
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic()) {
          check(c.getName() + "." + m.getName() + " returns", m.getGenericReturnType(), leaks);
          signature(c.getName() + "." + m.getName(), m, leaks);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers()) && !k.isSynthetic()) {
          signature(c.getName() + ".<init>", k, leaks);
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
        }
      }
    }
    assertThat(leaks).as("internal types in public signatures of org.lawlang.api").isEmpty();
  }

  @Test
  void theExceptionIsNotAnInterpreterType() {
    assertThat(org.lawlang.api.LawScriptException.class.getSuperclass()).isEqualTo(RuntimeException.class);
  }

  /** Catches itself on a planted leak: a check that cannot fail proves nothing. */
  @Test
  void theCheckSeesALeak() {
    TreeSet<String> leaks = new TreeSet<>();
    check("planted", org.lawlang.eval.Value.class, leaks);
    check("planted generic", new java.util.ArrayList<org.lawlang.diag.Diagnostic>() {}.getClass().getGenericSuperclass(), leaks);
    assertThat(leaks).hasSize(2);
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void signature(String where, Executable e, TreeSet<String> leaks) {
    for (Type t : e.getGenericParameterTypes()) {
      check(where + " takes", t, leaks);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      check(where + " throws", t, leaks);
    }
  }

  private static void check(String where, Type t, TreeSet<String> leaks) {
    if (t == null) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.isPrimitive()) {
        return;
      }
      String name = c.getName();
      boolean jdk = name.startsWith("java.") || name.startsWith("javax.");
      boolean api = c.getPackageName().equals("org.lawlang.api") && Modifier.isPublic(c.getModifiers());
      if (!jdk && !api) {
        leaks.add(where + " " + name);
      }
    } else if (t instanceof ParameterizedType p) {
      check(where, p.getRawType(), leaks);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, leaks);
      }
    } else if (t instanceof GenericArrayType g) {
      check(where, g.getGenericComponentType(), leaks);
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(where, b, leaks);
      }
      for (Type b : w.getLowerBounds()) {
        check(where, b, leaks);
      }
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        check(where, b, leaks);
      }
    }
  }

  /** Every public class (nested ones too) of org.lawlang.api, read from the compiled classes. */
  static List<Class<?>> publicApiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir = Path.of(LawEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("org/lawlang/api");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class")) {
          continue;
        }
        Class<?> c = Class.forName("org.lawlang.api." + file.substring(0, file.length() - ".class".length()), false,
            LawEngine.class.getClassLoader());
        if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && isReachable(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Public and every enclosing class public too. */
  private static boolean isReachable(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
