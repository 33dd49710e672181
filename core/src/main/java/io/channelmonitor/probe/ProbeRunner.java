package io.channelmonitor.probe;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckListener;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.KeyDecryptFailedException;
import io.channelmonitor.Monitor;
import io.channelmonitor.secret.SecretRedactor;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.ResultWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a monitor: a HEAD ping of the origin, then every model, at most {@code
 * modelConcurrency} at a time, results in model order (primary first), stored in one batch with
 * last-checked updated. A store failure is logged and counted; the results are still returned.
 */
public final class ProbeRunner {
  private static final Logger log = LoggerFactory.getLogger(ProbeRunner.class);

  private final ModelProbe probe;
  private final ProbeTransport transport;
  private final ResultWriter storeWriter;
  private final ExecutorService executor;
  private final ChannelMonitorSettings settings;
  private final Clock clock;
  private final Counter storeFailures;
  private final CheckMeters checkMeters;
  private final CheckEvents events;

  ProbeRunner(
      ModelProbe probe,
      ProbeTransport transport,
      ChannelMonitorStore store,
      ExecutorService executor,
      ChannelMonitorSettings settings,
      Clock clock,
      MeterRegistry meters,
      List<CheckListener> listeners) {
    this.probe = probe;
    this.transport = transport;
    this.storeWriter = ResultWriter.to(store);
    this.executor = executor;
    this.settings = settings;
    this.clock = clock;
    this.storeFailures =
        Counter.builder("channel.monitor.store.failures")
            .description("Store writes of check results that failed")
            .register(meters);
    this.checkMeters = new CheckMeters(meters, settings.modelMetricTag());
    this.events = new CheckEvents(listeners, store);
  }

  /** Wires a runner. The executor runs the extra models of a run; the caller's thread runs one. */
  public static ProbeRunner create(
      Map<String, ChannelChecker> checkers,
      Challenge challenge,
      ProbeTransport transport,
      ChannelMonitorStore store,
      ExecutorService executor,
      ChannelMonitorSettings settings,
      Clock clock,
      MeterRegistry meters,
      List<CheckListener> listeners) {
    Verdict verdict = new Verdict(SecretRedactor.standard(), settings.degradedThreshold());
    ModelProbe probe =
        new ModelProbe(checkers, challenge, transport, settings, verdict, clock, System::nanoTime);
    return new ProbeRunner(probe, transport, store, executor, settings, clock, meters, listeners);
  }

  /**
   * Probes every model of {@code monitor} and stores the results.
   *
   * @throws KeyDecryptFailedException when the monitor's key could not be decrypted: it is never
   *     sent
   */
  public List<CheckResult> run(Monitor monitor) {
    return run(monitor, storeWriter, false);
  }

  /**
   * Probes every model of {@code monitor} and hands the results to {@code writer}: the run of a
   * claim in cluster mode, or a manual run. The previous statuses are read from the store first,
   * since another instance may have run the monitor since; when the writer refuses the results
   * (another instance ran this check) listeners hear nothing of them.
   *
   * @throws KeyDecryptFailedException when the monitor's key could not be decrypted: it is never
   *     sent
   */
  public List<CheckResult> run(Monitor monitor, ResultWriter writer) {
    return run(monitor, writer, true);
  }

  private List<CheckResult> run(Monitor monitor, ResultWriter writer, boolean sharedHistory) {
    if (monitor.keyDecryptFailed()) {
      throw new KeyDecryptFailedException(monitor.id());
    }
    Long pingMs = ping(monitor);
    List<CheckResult> results = probeModels(monitor, pingMs);
    if (sharedHistory) {
      events.reload(monitor);
    } else {
      events.remember(monitor);
    }
    boolean refused = !persist(monitor, results, writer);
    checkMeters.observe(monitor, results);
    if (!refused) {
      events.observe(monitor, results);
    }
    return results;
  }

  /** Forgets what it knew of a deleted monitor (its last statuses). */
  public void forget(long monitorId) {
    events.forget(monitorId);
  }

  private Long ping(Monitor monitor) {
    URI endpoint = URI.create(monitor.endpoint());
    String origin = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    OptionalLong ms = transport.ping(origin, settings.pingTimeout());
    return ms.isPresent() ? ms.getAsLong() : null;
  }

  private List<CheckResult> probeModels(Monitor monitor, Long pingMs) {
    List<String> models = monitor.config().models();
    CheckResult[] results = new CheckResult[models.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < models.size(); i = next.getAndIncrement()) {
            results[i] = probe.check(monitor, models.get(i), pingMs);
          }
        };
    List<Future<?>> helpers = new ArrayList<>();
    try {
      for (int i = 1; i < Math.min(settings.modelConcurrency(), models.size()); i++) {
        helpers.add(executor.submit(worker));
      }
    } catch (RejectedExecutionException e) {
      log.debug("channel_monitor: probe executor is closed, checking models in the caller");
    }
    worker.run();
    awaitAll(helpers);
    return fillGaps(monitor, models, results, pingMs);
  }

  private static void awaitAll(List<Future<?>> helpers) {
    boolean interrupted = false;
    for (Future<?> helper : helpers) {
      try {
        helper.get();
      } catch (InterruptedException e) {
        interrupted = true;
        helpers.forEach(f -> f.cancel(true));
      } catch (ExecutionException e) {
        log.warn("channel_monitor: a model check failed: {}", e.getCause().getClass().getName());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private List<CheckResult> fillGaps(
      Monitor monitor, List<String> models, CheckResult[] results, Long pingMs) {
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        results[i] =
            new CheckResult(
                models.get(i),
                CheckStatus.ERROR,
                FailureKind.INTERNAL,
                0,
                null,
                pingMs,
                "check interrupted",
                clock.instant());
      }
    }
    return List.copyOf(Arrays.asList(results));
  }

  /**
   * @return false when the writer refused the results; a failing store counts as not refused, the
   *     run's events still fire
   */
  private boolean persist(Monitor monitor, List<CheckResult> results, ResultWriter writer) {
    List<ResultRecord> rows =
        results.stream().map(r -> new ResultRecord(0, monitor.id(), r)).toList();
    try {
      return writer.write(monitor.id(), rows, clock.instant());
    } catch (RuntimeException e) {
      storeFailures.increment();
      log.warn(
          "channel_monitor: insert results failed for monitor {}: {}",
          monitor.id(),
          e.getClass().getName());
      return true;
    }
  }
}
