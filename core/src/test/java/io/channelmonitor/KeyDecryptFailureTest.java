package io.channelmonitor;

import static io.channelmonitor.TestMonitors.KEY;
import static io.channelmonitor.TestMonitors.draft;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.channelmonitor.secret.ApiKey;
import io.channelmonitor.store.InMemoryStore;
import org.junit.jupiter.api.Test;

class KeyDecryptFailureTest {
  private final InMemoryStore store = new InMemoryStore();

  private ChannelMonitor with(io.channelmonitor.secret.KeyRing ring) {
    return ChannelMonitor.builder()
        .store(store)
        .keyRing(ring)
        .hostResolver(TestMonitors.PUBLIC_RESOLVER)
        .build();
  }

  @Test
  void aKeyThatCannotBeDecryptedDoesNotBreakReads() {
    long id = with(TestKeys.RING).monitors().create(draft().build()).id();

    try (LogCapture logs = LogCapture.start()) {
      MonitorService other = with(TestKeys.OTHER_RING).monitors();

      Monitor listed = other.list(MonitorQuery.all()).items().get(0);
      assertThat(listed.keyDecryptFailed()).isTrue();
      assertThat(listed.apiKey()).isEqualTo(ApiKey.EMPTY);
      assertThat(listed.apiKeyMasked()).isEqualTo("***");
      assertThat(other.get(id).keyDecryptFailed()).isTrue();
      assertThat(logs.text()).contains("decrypt api key failed").doesNotContain(KEY);
    }
  }

  @Test
  void aKeyThatCannotBeDecryptedWarnsOnceAndThenAtDebugUntilItChanges() {
    long id = with(TestKeys.RING).monitors().create(draft().build()).id();
    MonitorService other = with(TestKeys.OTHER_RING).monitors();

    try (LogCapture logs = LogCapture.start()) {
      for (int i = 0; i < 5; i++) {
        other.list(MonitorQuery.all());
        other.get(id);
      }
      assertThat(logs.count(Level.WARN, "decrypt api key failed for monitor " + id)).isEqualTo(1);
      assertThat(logs.count(Level.DEBUG, "decrypt api key failed for monitor " + id)).isEqualTo(9);

      // A key the ring can read repairs it; a later unreadable key warns again.
      other.update(id, MonitorPatch.builder().apiKey("sk-fresh-key-1234").build());
      with(TestKeys.RING).monitors().update(id, MonitorPatch.builder().apiKey(KEY).build());
      other.get(id);
      assertThat(logs.count(Level.WARN, "decrypt api key failed for monitor " + id)).isEqualTo(2);
      assertThat(logs.text()).doesNotContain(KEY).doesNotContain("sk-fresh-key-1234");
    }
  }

  @Test
  void aNewKeyRepairsTheMonitor() {
    long id = with(TestKeys.RING).monitors().create(draft().build()).id();
    MonitorService other = with(TestKeys.OTHER_RING).monitors();

    Monitor repaired = other.update(id, MonitorPatch.builder().apiKey("sk-fresh-key-1234").build());

    assertThat(repaired.keyDecryptFailed()).isFalse();
    assertThat(other.get(id).apiKey().reveal()).isEqualTo("sk-fresh-key-1234");
  }
}
