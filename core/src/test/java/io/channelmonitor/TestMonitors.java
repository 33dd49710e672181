package io.channelmonitor;

import io.channelmonitor.ssrf.HostResolver;
import java.net.InetAddress;
import java.util.List;

/** Shared fixtures for the core tests. No test here resolves a real name. */
final class TestMonitors {
  static final String KEY = "sk-test-key-0123456789abcdefghij";

  /** Resolves every name to one public address, without DNS. */
  static final HostResolver PUBLIC_RESOLVER =
      host -> List.of(InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8}));

  private TestMonitors() {}

  static MonitorDraft.Builder draft() {
    return MonitorDraft.builder()
        .name("OpenAI main")
        .provider("openai")
        .endpoint("https://api.openai.com")
        .apiKey(KEY)
        .primaryModel("gpt-4o-mini")
        .intervalSeconds(60);
  }

  static ChannelMonitor channelMonitor() {
    return ChannelMonitor.builder().hostResolver(PUBLIC_RESOLVER).build();
  }
}
