package io.channelmonitor.examples.plain;

import io.channelmonitor.secret.ApiKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Monitors of the real providers, one for each API key found in the environment. They go through
 * the same SSRF policy as everything else (public https hosts; only loopback is opened, for the
 * fake upstream) and the JVM's trusted CAs.
 */
final class RealProviders {
  static final String GROUP = "Real providers";
  static final int INTERVAL_SECONDS = 60;

  /** What is needed to probe one provider. */
  private record Provider(
      String name,
      String id,
      String endpoint,
      String keyVariable,
      String modelVariable,
      String defaultModel,
      boolean stream) {}

  private static final List<Provider> PROVIDERS =
      List.of(
          new Provider(
              "OpenAI (real)",
              "openai",
              "https://api.openai.com",
              "OPENAI_API_KEY",
              "OPENAI_MODEL",
              "gpt-4o-mini",
              true),
          new Provider(
              "Anthropic (real)",
              "anthropic",
              "https://api.anthropic.com",
              "ANTHROPIC_API_KEY",
              "ANTHROPIC_MODEL",
              "claude-3-5-haiku-latest",
              true),
          new Provider(
              "Gemini (real)",
              "gemini",
              "https://generativelanguage.googleapis.com",
              "GEMINI_API_KEY",
              "GEMINI_MODEL",
              "gemini-2.0-flash",
              false));

  private RealProviders() {}

  /** The monitors whose key variable is set (and not blank) in {@code env}. */
  static List<WantedMonitor> from(Map<String, String> env) {
    List<WantedMonitor> wanted = new ArrayList<>();
    for (Provider provider : PROVIDERS) {
      String key = env.get(provider.keyVariable());
      if (key == null || key.isBlank()) {
        continue;
      }
      String model = env.getOrDefault(provider.modelVariable(), provider.defaultModel());
      wanted.add(
          new WantedMonitor(
              provider.name(),
              GROUP,
              provider.id(),
              provider.endpoint(),
              ApiKey.of(key.trim()),
              model.isBlank() ? provider.defaultModel() : model.trim(),
              provider.stream(),
              INTERVAL_SECONDS));
    }
    return wanted;
  }
}
