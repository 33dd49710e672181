package io.channelmonitor.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The models the monitors probe, one per provider in turn, and how the fake upstream tells how
 * slowly to answer each: a model name ending in {@code -lat1500} answers in 1.5 s.
 */
final class UpstreamModels {
  static final List<String> PROVIDERS = List.of("openai", "anthropic", "gemini");
  static final List<String> BASE_MODELS =
      List.of("gpt-4o-mini", "claude-3-5-haiku-latest", "gemini-2.0-flash");

  /** Answer times step by this much between {@code min} and {@code max}. */
  static final int LATENCY_STEP_MILLIS = 500;

  private UpstreamModels() {}

  /** The answer times in use: {@code min}, {@code min + step}, ... up to {@code max}. */
  static List<Integer> latencies(int minMillis, int maxMillis) {
    List<Integer> values = new ArrayList<>();
    for (int ms = minMillis; ms <= Math.max(minMillis, maxMillis); ms += LATENCY_STEP_MILLIS) {
      values.add(ms);
    }
    return values;
  }

  static String provider(int index) {
    return PROVIDERS.get(index % PROVIDERS.size());
  }

  /** The model of the monitor at {@code index}: its provider's, with an answer time if any. */
  static String model(int index, List<Integer> latencies) {
    String base = BASE_MODELS.get(index % BASE_MODELS.size());
    if (latencies.size() == 1 && latencies.get(0) == 0) {
      return base;
    }
    int latency = latencies.get((index / BASE_MODELS.size()) % latencies.size());
    return base + "-lat" + latency;
  }
}
