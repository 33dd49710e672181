package io.channelmonitor.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only what would be probed is checked here: tests never reach a real provider. */
class RealProvidersTest {
  private static final String OPENAI_KEY = "sk-proj-test-0123456789abcdefghij";
  private static final String GEMINI_KEY = "AIzaTest0123456789abcdefghijklmnopqrstu";

  @Test
  void noKeyMeansNoRealProvider() {
    assertThat(RealProviders.from(Map.of())).isEmpty();
    assertThat(RealProviders.from(Map.of("OPENAI_API_KEY", "  "))).isEmpty();
  }

  @Test
  void eachKeyAddsItsProviderOverHttps() {
    List<WantedMonitor> wanted =
        RealProviders.from(
            Map.of(
                "OPENAI_API_KEY", OPENAI_KEY, "GEMINI_API_KEY", GEMINI_KEY, "GEMINI_MODEL", "x"));

    assertThat(wanted)
        .extracting(WantedMonitor::provider, WantedMonitor::endpoint, WantedMonitor::model)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("openai", "https://api.openai.com", "gpt-4o-mini"),
            org.assertj.core.groups.Tuple.tuple(
                "gemini", "https://generativelanguage.googleapis.com", "x"));
    assertThat(wanted.get(0).apiKey().reveal()).isEqualTo(OPENAI_KEY);
    assertThat(wanted.get(0).intervalSeconds()).isEqualTo(60);
  }

  @Test
  void theKeyNeverShowsInTheMonitorsText() {
    List<WantedMonitor> wanted =
        RealProviders.from(Map.of("OPENAI_API_KEY", OPENAI_KEY, "GEMINI_API_KEY", GEMINI_KEY));

    assertThat(wanted.toString()).doesNotContain(OPENAI_KEY).doesNotContain(GEMINI_KEY);
    assertThat(wanted.get(0).draft().toString()).doesNotContain(OPENAI_KEY);
  }
}
