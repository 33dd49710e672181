package io.channelmonitor.benchmarks.load;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.probe.AnthropicChecker;
import io.channelmonitor.probe.ChannelChecker;
import io.channelmonitor.probe.GeminiChecker;
import io.channelmonitor.probe.OpenAiChecker;
import io.channelmonitor.probe.ProbeCall;
import io.channelmonitor.probe.WordChallenge;
import io.channelmonitor.ssrf.SsrfPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitors of a load phase and, for the references, the same probes as ready-made HTTP
 * requests: for monitor {@code i} the provider {@code i mod 3}, one model, the library's own
 * checkers building path, headers and body around a word challenge, so the references send what the
 * library sends.
 */
final class ProbeFleet {
  /** The policy that lets probes reach the fake upstream: plain http on loopback. */
  static final SsrfPolicy LOOPBACK =
      SsrfPolicy.builder().allowInsecureHttp(true).allowCidr("127.0.0.0/8").build();

  /**
   * One probe as an HTTP request.
   *
   * @param origin what the library pings with HEAD before the probe
   * @param expected the word a right answer names
   */
  record Request(
      String origin,
      String url,
      Map<String, String> headers,
      byte[] body,
      String provider,
      String expected) {}

  private ProbeFleet() {}

  /** The draft of monitor {@code index}. */
  static MonitorDraft draft(int index, HarnessOptions options, String endpoint, int seconds) {
    return MonitorDraft.builder()
        .name("load-" + index)
        .provider(UpstreamModels.provider(index))
        .endpoint(endpoint)
        .apiKey("sk-load-" + (100_000_000 + index))
        .primaryModel(UpstreamModels.model(index, latencies(options)))
        .intervalSeconds(seconds)
        .stream(options.stream())
        .build();
  }

  static List<Integer> latencies(HarnessOptions options) {
    return UpstreamModels.latencies(options.latencyMinMillis(), options.latencyMaxMillis());
  }

  /** The requests of {@code count} monitors, built once. */
  static List<Request> requests(HarnessOptions options, String endpoint) {
    Map<String, ChannelChecker> checkers = new LinkedHashMap<>();
    for (ChannelChecker checker :
        List.of(new OpenAiChecker(), new AnthropicChecker(), new GeminiChecker())) {
      checkers.put(checker.providerId(), checker);
    }
    WordChallenge challenge = new WordChallenge();
    ChannelMonitorSettings settings = ChannelMonitorSettings.defaults();
    List<Request> requests = new ArrayList<>(options.monitors());
    int seconds = (int) options.interval().toSeconds();
    try (ChannelMonitor scratch = ChannelMonitor.builder().ssrfPolicy(LOOPBACK).build()) {
      for (int i = 0; i < options.monitors(); i++) {
        Monitor monitor = scratch.monitors().create(draft(i, options, endpoint, seconds));
        var question = challenge.next();
        ProbeCall call =
            new ProbeCall(
                monitor,
                monitor.config().primaryModel(),
                question.prompt(),
                settings.outputTokensFor(monitor.config().primaryModel()),
                options.stream());
        ChannelChecker checker = checkers.get(monitor.provider());
        requests.add(request(checker, call, endpoint, question.expected()));
      }
    }
    return requests;
  }

  private static Request request(
      ChannelChecker checker, ProbeCall call, String endpoint, String expected) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", call.stream() ? "text/event-stream" : "application/json");
    headers.putAll(checker.headers(call));
    byte[] body = checker.body(call).toString().getBytes(StandardCharsets.UTF_8);
    return new Request(
        endpoint,
        endpoint + checker.path(call),
        Map.copyOf(headers),
        body,
        checker.providerId(),
        expected);
  }
}
