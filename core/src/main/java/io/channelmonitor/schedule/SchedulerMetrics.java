package io.channelmonitor.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/** The scheduler's meters, registered once per scheduler. */
final class SchedulerMetrics {
  private final Map<SkipReason, Counter> skipped = new EnumMap<>(SkipReason.class);

  SchedulerMetrics(
      MeterRegistry registry, IntSupplier scheduled, IntSupplier inFlight, IntSupplier queued) {
    for (SkipReason reason : SkipReason.values()) {
      skipped.put(
          reason,
          Counter.builder(MonitorScheduler.METER_RUNS_SKIPPED)
              .description("Due runs that did not start, by reason")
              .tag("reason", reason.tag())
              .register(registry));
    }
    gauge(registry, MonitorScheduler.METER_MONITORS_SCHEDULED, "Monitors with a timer", scheduled);
    gauge(registry, MonitorScheduler.METER_CHECKS_IN_FLIGHT, "Scheduled checks running", inFlight);
    gauge(registry, MonitorScheduler.METER_RUNS_QUEUED, "Due runs waiting for a worker", queued);
  }

  void skipped(SkipReason reason) {
    skipped.get(reason).increment();
  }

  private static void gauge(
      MeterRegistry registry, String name, String description, IntSupplier value) {
    Gauge.builder(name, value::getAsInt).description(description).register(registry);
  }
}
