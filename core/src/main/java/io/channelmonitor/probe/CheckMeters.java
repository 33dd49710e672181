package io.channelmonitor.probe;

import io.channelmonitor.CheckResult;
import io.channelmonitor.Monitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check meters: {@code channel.monitor.checks} (counter by provider, status and failure kind),
 * {@code channel.monitor.check.latency} and {@code channel.monitor.check.first.token} (timers by
 * provider and status). The model is a tag only when the host opts in: with many models it would
 * multiply the series. The meters of each tag combination are looked up in the registry once and
 * kept: building tags and ids for every result cost more than recording.
 */
final class CheckMeters implements RunObserver {
  private final MeterRegistry registry;
  private final boolean modelTag;
  private final Map<Series, Meters> meters = new ConcurrentHashMap<>();

  CheckMeters(MeterRegistry registry, boolean modelTag) {
    this.registry = registry;
    this.modelTag = modelTag;
  }

  /** One combination of tag values; the model is null unless it is a tag. */
  private record Series(String provider, String status, String kind, String model) {}

  /** The meters of one series; the first-token timer is registered when first needed. */
  private static final class Meters {
    final Counter checks;
    final Timer latency;
    volatile Timer firstToken;

    Meters(Counter checks, Timer latency) {
      this.checks = checks;
      this.latency = latency;
    }
  }

  @Override
  public void observe(Monitor monitor, List<CheckResult> results) {
    for (CheckResult result : results) {
      Series series =
          new Series(
              monitor.provider(),
              result.status().wire(),
              result.failureKind().wire(),
              modelTag ? result.model() : null);
      Meters found = meters.computeIfAbsent(series, this::register);
      found.checks.increment();
      found.latency.record(Duration.ofMillis(result.latencyMs()));
      if (result.firstTokenLatencyMs() != null) {
        Timer firstToken = found.firstToken;
        if (firstToken == null) {
          firstToken = firstTokenTimer(series);
          found.firstToken = firstToken;
        }
        firstToken.record(Duration.ofMillis(result.firstTokenLatencyMs()));
      }
    }
  }

  private Meters register(Series series) {
    Tags tags = tags(series);
    Counter checks =
        Counter.builder("channel.monitor.checks")
            .description("Checks run, by verdict")
            .tags(tags.and("kind", series.kind()))
            .register(registry);
    Timer latency =
        Timer.builder("channel.monitor.check.latency")
            .description("Time from request to the end of the answer")
            .tags(tags)
            .register(registry);
    return new Meters(checks, latency);
  }

  private Timer firstTokenTimer(Series series) {
    return Timer.builder("channel.monitor.check.first.token")
        .description("Time from request to the first streamed token")
        .tags(tags(series))
        .register(registry);
  }

  private static Tags tags(Series series) {
    Tags tags = Tags.of("provider", series.provider(), "status", series.status());
    return series.model() == null ? tags : tags.and("model", series.model());
  }
}
