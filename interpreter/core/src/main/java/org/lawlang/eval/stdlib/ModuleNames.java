package org.lawlang.eval.stdlib;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lawlang.diag.Suggest;

/**
 * "Did you mean …?" for `import`: standard-library modules are named author + year, but
 * people remember papers by nickname ("chinchilla", "epoch", "llama3") or by author alone
 * ("kaplan"). Tries a typo of a module name, then of a nickname, then an author without
 * the year. Used by {@code ModuleLoader} when a module is not found.
 */
public final class ModuleNames {
  private static final Map<String, String> NICKNAMES = Map.ofEntries(
      Map.entry("chinchilla", "hoffmann2022"),
      Map.entry("epoch", "besiroglu2024"),
      Map.entry("openai", "kaplan2020"),
      Map.entry("gpt3", "kaplan2020"),
      Map.entry("llama", "llama3_2024"),
      Map.entry("llama3", "llama3_2024"),
      Map.entry("meta", "llama3_2024"),
      Map.entry("deepseek", "deepseek2024"),
      Map.entry("bnsl", "caballero2022"),
      Map.entry("broken", "caballero2022"),
      Map.entry("datablations", "muennighoff2023"),
      Map.entry("repetition", "muennighoff2023"),
      Map.entry("vit", "zhai2022"),
      Map.entry("precision", "kumar2024"),
      Map.entry("transfer", "hernandez2021"),
      Map.entry("inference", "sardana2024"),
      Map.entry("plrf", "paquette2024"));

  private ModuleNames() {}

  /** The module a mistyped or nicknamed import most likely meant, among those that exist. */
  public static Optional<String> suggest(String name, Collection<String> modules) {
    Optional<String> typo = Suggest.closest(name, modules);
    if (typo.isPresent()) {
      return typo;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Optional<String> nick = NICKNAMES.containsKey(lower) ? Optional.of(lower) : Suggest.closest(lower, NICKNAMES.keySet());
    if (nick.isPresent() && modules.contains(NICKNAMES.get(nick.get()))) {
      return Optional.of(NICKNAMES.get(nick.get()));
    }
    String letters = lower.replaceAll("[^a-z]", "");
    for (String m : modules) {
      String author = m.replaceAll("[0-9_]+$", "");
      if (!letters.isEmpty() && (author.equals(letters) || Suggest.closest(letters, java.util.List.of(author)).isPresent())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
