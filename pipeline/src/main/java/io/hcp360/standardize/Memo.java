package io.hcp360.standardize;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers a standardizer's answers within one stage run: names, cities and specialties repeat
 * across a million records far more often than they differ. Forgets everything when full, so
 * memory stays bounded. Not thread-safe: one per thread.
 */
final class Memo<K, V> {
  private static final Object NULL = new Object();
  private final Map<K, Object> answers = new HashMap<>();
  private final Function<K, V> function;
  private final int capacity;

  Memo(Function<K, V> function, int capacity) {
    this.function = function;
    this.capacity = capacity;
  }

  @SuppressWarnings("unchecked")
  V apply(K key) {
    if (key == null) {
      return function.apply(null);
    }
    Object answer = answers.get(key);
    if (answer == null) {
      if (answers.size() >= capacity) {
        answers.clear();
      }
      V value = function.apply(key);
      answers.put(key, value == null ? NULL : value);
      return value;
    }
    return answer == NULL ? null : (V) answer;
  }
}
