package io.channelmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.store.InMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole lifecycle, then a search for the key in everything the library printed or returned. */
class SecretLeakTest {
  private static final String KEY = "zz9-custom-format-key-ab12cd34ef56";

  @Test
  void theKeyAppearsInNoLogLineExceptionOrToString() {
    InMemoryStore store = new InMemoryStore();
    List<String> emitted = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      ChannelMonitor first = build(store, TestKeys.RING);
      Monitor created =
          first
              .monitors()
              .create(TestMonitors.draft().apiKey(KEY).extraHeaders(Map.of("X-A", "1")).build());
      emitted.add(created.toString());
      emitted.add(created.config().toString());
      emitted.add(store.findMonitor(created.id()).orElseThrow().toString());
      emitted.add(
          first
              .monitors()
              .update(created.id(), MonitorPatch.builder().apiKey(KEY + " ").build())
              .toString());
      emitted.add(first.monitors().list(MonitorQuery.all()).toString());
      emitted.add(MonitorPatch.builder().apiKey(KEY).build().toString());
      emitted.add(
          failureOf(
              () ->
                  first
                      .monitors()
                      .create(
                          TestMonitors.draft().apiKey(KEY).endpoint("https://10.0.0.1").build())));
      emitted.add(
          failureOf(
              () -> first.monitors().create(TestMonitors.draft().apiKey(KEY).name(" ").build())));
      ChannelMonitor wrongKeys = build(store, TestKeys.OTHER_RING);
      emitted.add(wrongKeys.monitors().get(created.id()).toString());
      emitted.add(logs.text());
    }

    assertThat(emitted).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
    assertThat(emitted.get(emitted.size() - 1)).contains("decrypt api key failed");
  }

  private static ChannelMonitor build(InMemoryStore store, io.channelmonitor.secret.KeyRing ring) {
    return ChannelMonitor.builder()
        .store(store)
        .keyRing(ring)
        .hostResolver(TestMonitors.PUBLIC_RESOLVER)
        .build();
  }

  private static String failureOf(Runnable action) {
    try {
      action.run();
      return "";
    } catch (RuntimeException e) {
      return e + " " + e.getMessage();
    }
  }
}
