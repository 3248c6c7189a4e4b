package org.lawlang.bench;

/** An empty main in the law jar: the baseline that bench/startup.sh measures start-up against. */
public final class Empty {
  private Empty() {}

  public static void main(String[] args) {
    // intentionally empty
  }
}
