package io.channelmonitor.examples;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.CheckResult;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tour of the library in a plain JVM, with no network and no API key: a fake provider on loopback
 * plays four channels (healthy, slow, a relay that answers wrong, one that is down), the library
 * probes each with a real request and shows the verdicts, then the availability figures. It also
 * shows an endpoint in a private network being refused with the seed's reason code.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    try (FakeUpstream upstream = FakeUpstream.builder().https(true).build();
        ChannelMonitor channelMonitor =
            ChannelMonitor.builder()
                .keyRing(KeyRing.ephemeral())
                .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
                .sslContext(upstream.clientSslContext())
                .build()) {
      upstream.script("claude-slow", Behaviour.slowTotal(Duration.ofMillis(6500)));
      upstream.script("relay-cheap", Behaviour.wrongAnswer());
      upstream.script(
          "gemini-down", Behaviour.status(503, "{\"error\":{\"message\":\"overloaded\"}}"));
      List<Monitor> monitors =
          List.of(
              create(channelMonitor, "OpenAI main", "openai", "gpt-4o-mini", upstream, true),
              create(channelMonitor, "Claude", "anthropic", "claude-slow", upstream, false),
              create(channelMonitor, "Cheap relay", "openai", "relay-cheap", upstream, false),
              create(channelMonitor, "Gemini", "gemini", "gemini-down", upstream, true));
      refuse(channelMonitor, "https://169.254.169.254");
      refuse(channelMonitor, "http://api.openai.com");
      printVerdicts(channelMonitor, monitors);
      printAvailability(channelMonitor, monitors);
      System.out.println(
          "monitors stored: " + channelMonitor.monitors().list(MonitorQuery.all()).total());
    }
  }

  private static void printVerdicts(ChannelMonitor channelMonitor, List<Monitor> monitors) {
    System.out.println();
    System.out.printf(
        "%-12s %-12s %-12s %-18s %8s %8s  %s%n",
        "monitor", "model", "status", "kind", "latency", "1st tok", "message");
    for (Monitor monitor : monitors) {
      for (CheckResult r : channelMonitor.monitors().runNow(monitor.id())) {
        System.out.printf(
            "%-12s %-12s %-12s %-18s %6dms %8s  %s%n",
            monitor.name(),
            r.model(),
            r.status().wire(),
            r.failureKind().wire(),
            r.latencyMs(),
            r.firstTokenLatencyMs() == null ? "-" : r.firstTokenLatencyMs() + "ms",
            shorten(r.message()));
      }
    }
  }

  private static Monitor create(
      ChannelMonitor channelMonitor,
      String name,
      String provider,
      String model,
      FakeUpstream upstream,
      boolean stream) {
    return channelMonitor
        .monitors()
        .create(
            MonitorDraft.builder()
                .name(name)
                .provider(provider)
                .endpoint(upstream.endpoint())
                .apiKey("sk-demo-" + provider + "-0123456789abcdef")
                .primaryModel(model)
                .stream(stream)
                .build());
  }

  private static void printAvailability(ChannelMonitor channelMonitor, List<Monitor> monitors) {
    Map<Long, MonitorAvailability> figures =
        channelMonitor
            .availability()
            .availability(monitors.stream().map(MonitorModels::of).toList(), Set.of(7));
    System.out.println();
    for (Monitor monitor : monitors) {
      ModelAvailability primary = figures.get(monitor.id()).primary();
      System.out.printf(
          "%-12s 7-day availability %6.2f%%  (%d checks)%n",
          monitor.name(), primary.window(7).availabilityPercent(), primary.window(7).total());
    }
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

  private static String shorten(String message) {
    return message.length() <= 60 ? message : message.substring(0, 57) + "...";
  }
}
