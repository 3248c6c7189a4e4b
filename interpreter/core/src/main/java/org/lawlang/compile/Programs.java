package org.lawlang.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The compiled programs of recently seen formulas, so that a question asked again (a statement
 * in a loop, a script run twice in one session) reuses its tape instead of differentiating and
 * compiling the same formula anew. Keys are the formulas themselves (records, compared by
 * value), with whatever else shapes the program; at most {@link #CAPACITY} entries are kept, the
 * least recently used going first. Programs are immutable, so one may serve several threads.
 */
final class Programs<K, V> {
  static final int CAPACITY = 256;

  /** A key with its hash computed once: a formula's hash walks the whole tree, and the map would ask for it on every probe and eviction. */
  private record Hashed<K>(K key, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Hashed<?> h && h.hash == hash && h.key.equals(key);
    }
  }

  private final Map<Hashed<K>, V> recent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hashed<K>, V> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The program for {@code key}, compiled by {@code compile} unless seen recently. */
  V get(K key, Function<K, V> compile) {
    Hashed<K> h = new Hashed<>(key, key.hashCode());
    synchronized (recent) {
      V seen = recent.get(h);
      if (seen != null) {
        return seen;
      }
    }
    // compiled outside the lock: two threads may both compile a new key, and one result is kept
    V made = compile.apply(key);
    synchronized (recent) {
      recent.putIfAbsent(h, made);
    }
    return made;
  }
}
