package io.channelmonitor.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to a {@link SharedScheduleCoordinator} and their meters. A failing call is counted and
 * logged: at WARN the first time a step fails, at DEBUG while it keeps failing, and once at INFO
 * when it works again, so a database that is down for an hour does not bury the log.
 */
final class ClusterCalls {
  private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);

  private final Map<ClusterStep, Counter> failures = new EnumMap<>(ClusterStep.class);
  private final Set<ClusterStep> failing = ConcurrentHashMap.newKeySet();
  private final Counter dueClaims;
  private final Counter manualClaims;
  private final Counter fenced;
  private final AtomicInteger instances = new AtomicInteger();

  ClusterCalls(MeterRegistry registry) {
    for (ClusterStep step : ClusterStep.values()) {
      failures.put(
          step,
          Counter.builder(MonitorScheduler.METER_CLUSTER_FAILURES)
              .description("Calls to the cluster coordinator that failed, by step")
              .tag("step", step.tag())
              .register(registry));
    }
    dueClaims = claims(registry, "due");
    manualClaims = claims(registry, "manual");
    fenced =
        Counter.builder(MonitorScheduler.METER_CLUSTER_FENCED)
            .description("Runs whose results were refused: their claim had been taken over")
            .register(registry);
    Gauge.builder(MonitorScheduler.METER_CLUSTER_INSTANCES, instances::get)
        .description("Live instances at the last heartbeat")
        .register(registry);
  }

  private static Counter claims(MeterRegistry registry, String kind) {
    return Counter.builder(MonitorScheduler.METER_CLUSTER_CLAIMS)
        .description("Runs this instance claimed, by kind")
        .tag("kind", kind)
        .register(registry);
  }

  /** Runs {@code call}; a failure is counted, logged and answered with {@code fallback}. */
  <T> T guard(ClusterStep step, Supplier<T> call, T fallback) {
    try {
      T value = call.get();
      succeeded(step);
      return value;
    } catch (RuntimeException e) {
      failed(step, e);
      return fallback;
    }
  }

  /**
   * Runs {@code call}; a failure is counted and logged.
   *
   * @return whether it succeeded
   */
  boolean guard(ClusterStep step, Runnable call) {
    return guard(
        step,
        () -> {
          call.run();
          return Boolean.TRUE;
        },
        Boolean.FALSE);
  }

  void succeeded(ClusterStep step) {
    if (failing.remove(step)) {
      log.info("channel_monitor: cluster {} works again", step.tag());
    }
  }

  void failed(ClusterStep step, RuntimeException e) {
    failures.get(step).increment();
    if (failing.add(step)) {
      log.warn(
          "channel_monitor: cluster {} failed; repeats are logged at DEBUG until it works again",
          step.tag(),
          e);
    } else {
      log.debug("channel_monitor: cluster {} failed again ({})", step.tag(), e.toString());
    }
  }

  void claimed(int count) {
    dueClaims.increment(count);
  }

  void claimedManually() {
    manualClaims.increment();
  }

  void fenced(long monitorId) {
    fenced.increment();
    log.info(
        "channel_monitor: results of monitor {} dropped: its claim was taken over by another"
            + " instance",
        monitorId);
  }

  void instances(int live) {
    instances.set(live);
  }
}
