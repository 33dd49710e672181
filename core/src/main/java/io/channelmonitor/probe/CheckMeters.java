package io.channelmonitor.probe;

import io.channelmonitor.CheckResult;
import io.channelmonitor.Monitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * The check meters: {@code channel.monitor.checks} (counter by provider, status and failure kind),
 * {@code channel.monitor.check.latency} and {@code channel.monitor.check.first.token} (timers by
 * provider and status). The model is a tag only when the host opts in: with many models it would
 * multiply the series.
 */
final class CheckMeters implements RunObserver {
  private final MeterRegistry registry;
  private final boolean modelTag;

  CheckMeters(MeterRegistry registry, boolean modelTag) {
    this.registry = registry;
    this.modelTag = modelTag;
  }

  @Override
  public void observe(Monitor monitor, List<CheckResult> results) {
    for (CheckResult result : results) {
      Tags tags = Tags.of("provider", monitor.provider(), "status", result.status().wire());
      if (modelTag) {
        tags = tags.and("model", result.model());
      }
      Counter.builder("channel.monitor.checks")
          .description("Checks run, by verdict")
          .tags(tags.and("kind", result.failureKind().wire()))
          .register(registry)
          .increment();
      Timer.builder("channel.monitor.check.latency")
          .description("Time from request to the end of the answer")
          .tags(tags)
          .register(registry)
          .record(Duration.ofMillis(result.latencyMs()));
      if (result.firstTokenLatencyMs() != null) {
        Timer.builder("channel.monitor.check.first.token")
            .description("Time from request to the first streamed token")
            .tags(tags)
            .register(registry)
            .record(Duration.ofMillis(result.firstTokenLatencyMs()));
      }
    }
  }
}
