package io.channelmonitor.examples;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorPatch;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.HostResolver;
import java.net.InetAddress;
import java.util.List;

/**
 * A tour of the library in a plain JVM with the in-memory store: create monitors, see a private
 * endpoint refused with the seed's reason code, list, update and delete. No network is used: a fake
 * resolver maps every name to a documentation-free public address.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    HostResolver offline = host -> List.of(InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8}));
    try (ChannelMonitor channelMonitor =
        ChannelMonitor.builder().keyRing(KeyRing.ephemeral()).hostResolver(offline).build()) {
      Monitor openai = channelMonitor.monitors().create(draft("OpenAI", "openai", "gpt-4o-mini"));
      channelMonitor.monitors().create(draft("Claude", "anthropic", "claude-sonnet-4-5"));
      System.out.println("created: " + openai.name() + " key " + openai.apiKeyMasked());
      refuse(channelMonitor, "https://169.254.169.254");
      refuse(channelMonitor, "http://api.openai.com");
      channelMonitor
          .monitors()
          .update(openai.id(), MonitorPatch.builder().intervalSeconds(30).build());
      for (Monitor m : channelMonitor.monitors().list(MonitorQuery.all()).items()) {
        System.out.printf(
            "#%d %-8s %-10s %-28s every %ds%n",
            m.id(), m.name(), m.provider(), m.endpoint(), m.intervalSeconds());
      }
      channelMonitor.monitors().delete(openai.id());
      System.out.println(
          "after delete: " + channelMonitor.monitors().list(MonitorQuery.all()).total());
    }
  }

  private static MonitorDraft draft(String name, String provider, String model) {
    String endpoint =
        provider.equals("openai") ? "https://api.openai.com/" : "https://api.anthropic.com";
    return MonitorDraft.builder()
        .name(name)
        .provider(provider)
        .endpoint(endpoint)
        .apiKey("sk-demo-" + provider + "-0123456789abcdef")
        .primaryModel(model)
        .build();
  }

  private static void refuse(ChannelMonitor channelMonitor, String endpoint) {
    try {
      channelMonitor
          .monitors()
          .create(
              MonitorDraft.builder()
                  .name("bad")
                  .provider("openai")
                  .endpoint(endpoint)
                  .apiKey("sk-x-123456789")
                  .primaryModel("m")
                  .build());
    } catch (MonitorValidationException e) {
      System.out.println(
          "refused " + endpoint + ": " + e.reasonCode() + " (" + e.getMessage() + ")");
    }
  }
}
