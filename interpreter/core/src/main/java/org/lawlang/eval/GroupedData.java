package org.lawlang.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lawlang.diag.Span;

/**
 * A dataset split by a key, `runs by source`: each group's rows as a dataset of its own
 * ({@code g.llama_3}, {@code g["llama_3"]}); a plot draws one series per group from it.
 */
public final class GroupedData implements Value {
  private final String key;
  private final Map<String, DataValue> groups;

  GroupedData(String key, Map<String, DataValue> groups) {
    this.key = key;
    this.groups = new LinkedHashMap<>(groups);
  }

  public String key() {
    return key;
  }

  /** The groups in order: text in order of first appearance, numbers ascending. */
  public Map<String, DataValue> groups() {
    return java.util.Collections.unmodifiableMap(groups);
  }

  @Override
  public String typeName() {
    return "datasets by " + key;
  }

  @Override
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>(groups.keySet());
    out.add("groups");
    return out;
  }

  @Override
  public Value field(String name, Span at) {
    if (groups.containsKey(name)) {
      return groups.get(name);
    }
    if (name.equals("groups")) {
      return new Values.ListVal(groups.keySet().stream().map(k -> (Value) new Values.Str(k)).toList());
    }
    return Value.super.field(name, at);
  }

  Value group(String name, Span at) {
    DataValue d = groups.get(name);
    if (d == null) {
      throw org.lawlang.diag.LawException.of(org.lawlang.diag.Msg.GROUP_KEY, at, "no group '" + name + "' in the datasets by " + key)
          .hint(org.lawlang.diag.Suggest.closest(name, new ArrayList<>(groups.keySet())).map(s -> "did you mean '" + s + "'?")
              .orElse("the groups are " + String.join(", ", groups.keySet())));
    }
    return d;
  }

  @Override
  public String show() {
    List<List<Value>> rows = new ArrayList<>();
    groups.forEach((k, d) -> rows.add(List.of(new Values.Str(k), new Values.Num(d.data().rows()))));
    return "datasets by " + key + "\n" + new TableValue(List.of(key, "rows"), rows).show();
  }
}
