package org.lawlang.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawlang.diag.LawException;
import org.lawlang.diag.Source;

/** The parse cache: a hit gives the parser's own AST, and anything doubtful is a miss that parses afresh. */
class ParseCacheTest {
  @TempDir
  Path tmp;

  static final String TEXT = "law L(N) = E + A / N^a where E = 1.69, A = 406.4, a = 0.34\nprint L(70B)\n";

  static Object deep(Program p) {
    return AstCodecTest.deep(p.statements(), p.source());
  }

  @Test
  void aMissStoresTheParseAndAHitReadsItBack() {
    ParseCache cache = new ParseCache(tmp.resolve("c"), 7);
    Source source = new Source("a.law", TEXT);
    assertThat(deep(cache.parse(source, tmp))).isEqualTo(deep(Parsing.parse(source)));
    assertThat(cache.entry(tmp, "a.law")).exists();
    Source again = new Source("a.law", TEXT);
    Program second = cache.parse(again, tmp);
    assertThat(second.source()).isSameAs(again);
    assertThat(deep(second)).isEqualTo(deep(Parsing.parse(again)));
  }

  @Test
  void aHitReallyComesFromTheEntry() throws IOException {
    ParseCache cache = new ParseCache(tmp, 7);
    Source source = new Source("a.law", TEXT);
    cache.parse(source, tmp);
    // an entry stored for the same text under another name: if the cache reads it, the
    // statements are its statements, proving the parser did not run again
    Path entry = cache.entry(tmp, "a.law");
    Files.copy(entry, cache.entry(tmp, "b.law"));
    assertThat(deep(cache.parse(new Source("b.law", TEXT), tmp))).isEqualTo(deep(Parsing.parse(new Source("b.law", TEXT))));
  }

  @Test
  void changedTextIsParsedAfreshAndTheEntryRewritten() throws IOException {
    ParseCache cache = new ParseCache(tmp, 7);
    cache.parse(new Source("a.law", TEXT), tmp);
    byte[] before = Files.readAllBytes(cache.entry(tmp, "a.law"));
    Source edited = new Source("a.law", TEXT.replace("70B", "280B"));
    Program p = cache.parse(edited, tmp);
    assertThat(deep(p)).isEqualTo(deep(Parsing.parse(edited)));
    assertThat(Files.readAllBytes(cache.entry(tmp, "a.law"))).isNotEqualTo(before);
  }

  @Test
  void aDamagedEntryIsAMiss() throws IOException {
    ParseCache cache = new ParseCache(tmp, 7);
    cache.parse(new Source("a.law", TEXT), tmp);
    Path entry = cache.entry(tmp, "a.law");
    byte[] data = Files.readAllBytes(entry);
    for (int i = 0; i < data.length; i += 7) {
      byte[] bad = data.clone();
      bad[i] ^= 0x10;
      Files.write(entry, bad);
      Files.write(cache.entry(null, "a.law"), bad); // where readBuiltIn looks
      Source s = new Source("a.law", TEXT);
      assertThat(deep(cache.parse(s, tmp))).as("byte %d flipped", i).isEqualTo(deep(Parsing.parse(s)));
    }
    Files.write(entry, new byte[] {1, 2, 3});
    Source s = new Source("a.law", TEXT);
    assertThat(deep(cache.parse(s, tmp))).isEqualTo(deep(Parsing.parse(s)));
  }

  /**
   * Whatever bytes an entry holds (noise, or a real entry with bytes overwritten, cut short or
   * grown), the cache gives the parser's own program: a damaged entry is a miss, never a wrong
   * tree or an exception.
   */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void anyDamageIsAMiss(@ForAll @Size(max = 64) List<@IntRange(min = 0, max = 255) Integer> noise,
      @ForAll @IntRange(min = 0, max = 3) int kind, @ForAll @IntRange(min = 0, max = 1 << 20) int where) throws IOException {
    Path dir = Files.createTempDirectory("law-parse-cache");
    try {
      ParseCache cache = new ParseCache(dir, 7);
      cache.parse(new Source("a.law", TEXT), dir);
      Path entry = cache.entry(dir, "a.law");
      byte[] data = Files.readAllBytes(entry);
      byte[] bad;
      int at = where % data.length;
      if (kind == 0) {
        bad = new byte[noise.size()];
        for (int i = 0; i < bad.length; i++) {
          bad[i] = (byte) (int) noise.get(i);
        }
      } else if (kind == 1) {
        bad = data.clone();
        for (int i = 0; i < noise.size() && at + i < bad.length; i++) {
          bad[at + i] = (byte) (int) noise.get(i);
        }
      } else if (kind == 2) {
        bad = java.util.Arrays.copyOf(data, at);
      } else {
        bad = java.util.Arrays.copyOf(data, data.length + noise.size());
        for (int i = 0; i < noise.size(); i++) {
          bad[data.length + i] = (byte) (int) noise.get(i);
        }
      }
      Files.write(entry, bad);
      Files.write(cache.entry(null, "a.law"), bad); // where readBuiltIn looks
      Source s = new Source("a.law", TEXT);
      assertThat(deep(cache.parse(s, dir))).isEqualTo(deep(Parsing.parse(s)));
      assertThat(cache.readBuiltIn("a.law")).satisfiesAnyOf(p -> assertThat(p).isNull(),
          p -> assertThat(deep(p)).isEqualTo(deep(Parsing.parse(p.source()))));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void anotherBuildsEntryIsAMiss() throws IOException {
    new ParseCache(tmp, 7).parse(new Source("a.law", TEXT), tmp);
    byte[] old = Files.readAllBytes(new ParseCache(tmp, 7).entry(tmp, "a.law"));
    ParseCache newer = new ParseCache(tmp, 8);
    newer.parse(new Source("a.law", TEXT), tmp);
    assertThat(Files.readAllBytes(newer.entry(tmp, "a.law"))).isNotEqualTo(old);
  }

  @Test
  void syntaxErrorsComeFromTheParserAndAreNotStored() {
    ParseCache cache = new ParseCache(tmp, 7);
    Source bad = new Source("bad.law", "let x = (1 +\n");
    assertThatThrownBy(() -> cache.parse(bad, tmp)).isInstanceOf(LawException.class).hasMessageContaining("unexpected end of input");
    assertThat(cache.entry(tmp, "bad.law")).doesNotExist();
  }

  @Test
  void anUnwritableCacheOnlyMisses() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    ParseCache cache = new ParseCache(file.resolve("c"), 7);
    Source s = new Source("a.law", TEXT);
    assertThat(deep(cache.parse(s, tmp))).isEqualTo(deep(Parsing.parse(s)));
  }

  @Test
  void theCommandLineCacheFollowsTheEnvironment() {
    assertThat(ParseCache.forCommandLine(Map.of("LAW_CACHE_DIR", ""))).isNull();
    // tests run from a classes folder, not a jar: no build identity, so no cache
    assertThat(ParseCache.forCommandLine(Map.of("LAW_CACHE_DIR", tmp.toString()))).isNull();
  }
}
