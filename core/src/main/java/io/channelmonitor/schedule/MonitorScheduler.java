package io.channelmonitor.schedule;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.KeyDecryptFailedException;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every enabled monitor on its own schedule: one timer per monitor on a {@link TaskTimer},
 * checks on a bounded worker stage.
 *
 * <ul>
 *   <li>{@link #start()} loads the enabled monitors once and spreads their first runs uniformly
 *       over each monitor's interval, so a restart does not probe everything at once.
 *   <li>{@link #schedule(Monitor)} fires a new or re-enabled monitor at once; a monitor whose probe
 *       did not change (only its name or group) keeps its timer and does not fire.
 *   <li>Each round waits {@code interval - jitter + uniform[0, 2 jitter]}, at least 15 s, counted
 *       from the fire.
 *   <li>A fire passes the global switch, the per-monitor {@link InFlightGuard} and the {@link
 *       ClusterCoordinator}, then queues the check: at most {@code maxConcurrentChecks} run and at
 *       most {@code queueCapacity} wait; a run that finds no room is skipped and counted ({@value
 *       #METER_RUNS_SKIPPED}).
 *   <li>{@link #stop()} cancels the timers, drops waiting runs, waits up to {@code stopTimeout} for
 *       running checks, then interrupts them, and leaves none of its threads behind.
 * </ul>
 *
 * <p>Thread-safe. Build with {@link #builder(MonitorSource, RunAction)}.
 */
public final class MonitorScheduler {
  /** Counter of due runs that did not start, tagged {@code reason} (see {@link SkipReason}). */
  public static final String METER_RUNS_SKIPPED = "channel.monitor.runs.skipped";

  /** Gauge: monitors that have a timer. */
  public static final String METER_MONITORS_SCHEDULED = "channel.monitor.monitors.scheduled";

  /** Gauge: scheduled checks running on a worker now. */
  public static final String METER_CHECKS_IN_FLIGHT = "channel.monitor.checks.in.flight";

  /** Gauge: due runs waiting for a free worker. */
  public static final String METER_RUNS_QUEUED = "channel.monitor.runs.queued";

  /**
   * How long {@link #stop()} waits at most, after interrupting, for checks that outlived the bound
   * (never longer than {@code stopTimeout}), and for the threads of a created executor to end.
   */
  static final Duration AFTER_INTERRUPT_WAIT = Duration.ofSeconds(5);

  /** A failing switch is reported at WARN at most this often (DEBUG otherwise). */
  static final Duration SWITCH_WARN_INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);

  /** The scheduler's life: {@code NEW -> RUNNING -> STOPPING -> STOPPED}, or NEW -> STOPPED. */
  public enum State {
    NEW,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final MonitorSource source;
  private final RunAction action;
  private final SettingsProvider switchProvider;
  private final ClusterCoordinator coordinator;
  private final InFlightGuard inFlight;
  private final TaskTimer timer;
  private final SchedulerExecutor executor;
  private final CheckWorkers workers;
  private final Duration stopTimeout;
  private final Clock clock;
  private final RandomGenerator random;
  private final SchedulerMetrics metrics;
  private final Object lock = new Object();
  private final Map<Long, ScheduledMonitor> tasks = new ConcurrentHashMap<>();
  private final AtomicLong lastSwitchWarnMillis = new AtomicLong(Long.MIN_VALUE);
  private volatile State state = State.NEW;

  private MonitorScheduler(MonitorSchedulerBuilder b) {
    this.source = b.source;
    this.action = b.action;
    this.switchProvider = b.settingsProvider;
    this.coordinator = b.coordinator;
    this.inFlight = b.inFlightGuard;
    this.timer = b.timer != null ? b.timer : TaskTimer.system();
    ChannelMonitorSettings settings = b.settings;
    this.executor = SchedulerExecutor.of(b.checkExecutor, settings.maxConcurrentChecks());
    this.workers =
        new CheckWorkers(
            executor.executor(), settings.maxConcurrentChecks(), settings.queueCapacity());
    this.stopTimeout = settings.stopTimeout();
    this.clock = b.clock;
    this.random = b.random != null ? b.random : new Random();
    MeterRegistry registry = b.meterRegistry != null ? b.meterRegistry : new SimpleMeterRegistry();
    this.metrics = new SchedulerMetrics(registry, tasks::size, workers::running, workers::queued);
  }

  static MonitorScheduler create(MonitorSchedulerBuilder builder) {
    return new MonitorScheduler(builder);
  }

  /**
   * A builder for a scheduler that loads monitors from {@code source} at start and runs each due
   * check with {@code action}.
   */
  public static MonitorSchedulerBuilder builder(MonitorSource source, RunAction action) {
    return new MonitorSchedulerBuilder(source, action);
  }

  /**
   * Starts the scheduler, once: later calls do nothing. Loads the enabled monitors and arms each
   * one's first run at a random point of its interval; monitors whose key cannot be decrypted are
   * skipped. A failing load is logged and not retried: the monitors are scheduled when next edited.
   */
  public void start() {
    synchronized (lock) {
      if (state != State.NEW) {
        log.debug("channel_monitor: scheduler start ignored in state {}", state);
        return;
      }
      state = State.RUNNING;
    }
    List<Monitor> monitors;
    try {
      monitors = source.enabledMonitors();
    } catch (RuntimeException e) {
      log.error(
          "channel_monitor: loading enabled monitors failed; they are scheduled when next edited",
          e);
      return;
    }
    int scheduled = 0;
    for (Monitor monitor : monitors == null ? List.<Monitor>of() : monitors) {
      if (scheduleSpread(monitor)) {
        scheduled++;
      }
    }
    log.info("channel_monitor: scheduler started, scheduled_tasks={}", scheduled);
  }

  /**
   * Schedules, reschedules or unschedules a monitor after it was created or changed.
   *
   * <ul>
   *   <li>null: ignored; disabled or {@code keyDecryptFailed}: unscheduled;
   *   <li>before {@link #start()} or after {@link #stop()}: ignored, nothing is queued;
   *   <li>not scheduled yet: scheduled, and it fires at once;
   *   <li>scheduled with a config that {@linkplain io.channelmonitor.MonitorConfig#probesSameAs
   *       probes the same}: keeps its timer and does not fire;
   *   <li>scheduled with another probe or schedule: rescheduled, and it fires at once.
   * </ul>
   */
  public void schedule(Monitor monitor) {
    if (monitor == null) {
      return;
    }
    if (!monitor.enabled() || monitor.keyDecryptFailed()) {
      unschedule(monitor.id());
      return;
    }
    if (monitor.intervalSeconds() <= 0) {
      log.error(
          "channel_monitor: skip schedule of monitor {} for invalid interval {}",
          monitor.id(),
          monitor.intervalSeconds());
      return;
    }
    synchronized (lock) {
      if (state != State.RUNNING) {
        log.debug("channel_monitor: schedule of monitor {} ignored in {}", monitor.id(), state);
        return;
      }
      ScheduledMonitor current = tasks.get(monitor.id());
      if (current != null && current.config().probesSameAs(monitor.config())) {
        current.relabel(monitor.config());
        return;
      }
      if (current != null) {
        current.cancel();
      }
      ScheduledMonitor task = new ScheduledMonitor(monitor.id(), monitor.config());
      tasks.put(task.id(), task);
      arm(task, Duration.ZERO);
    }
  }

  /** Cancels the monitor's timer. A check of it that is already running is not interrupted. */
  public void unschedule(long monitorId) {
    synchronized (lock) {
      ScheduledMonitor task = tasks.remove(monitorId);
      if (task != null) {
        task.cancel();
      }
    }
  }

  /** Whether the monitor has a timer. */
  public boolean isScheduled(long monitorId) {
    return tasks.containsKey(monitorId);
  }

  /** How many monitors have a timer. */
  public int scheduledCount() {
    return tasks.size();
  }

  public State state() {
    return state;
  }

  /** The guard scheduled runs share with manual runs. */
  public InFlightGuard inFlightGuard() {
    return inFlight;
  }

  /**
   * Stops the scheduler; later calls do nothing. Cancels every timer, drops the runs waiting for a
   * worker, waits up to {@code stopTimeout} for running checks, then interrupts them; shuts the
   * timer down, and the check executor when the scheduler created it.
   */
  public void stop() {
    synchronized (lock) {
      if (state == State.STOPPING || state == State.STOPPED) {
        return;
      }
      state = State.STOPPING;
      tasks.values().forEach(ScheduledMonitor::cancel);
      tasks.clear();
    }
    boolean interrupted = false;
    try {
      workers.close().forEach(job -> job.onDrop().run());
      interrupted = drainChecks();
      interrupted |= executor.shutdown(AFTER_INTERRUPT_WAIT);
    } finally {
      timer.shutdown();
      state = State.STOPPED;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    log.info("channel_monitor: scheduler stopped");
  }

  /**
   * Waits for running checks, then interrupts the ones that outlive the bound.
   *
   * @return whether this thread was interrupted while it waited
   */
  private boolean drainChecks() {
    try {
      if (workers.awaitIdle(stopTimeout)) {
        return false;
      }
      log.warn("channel_monitor: checks still running after {}; interrupting them", stopTimeout);
      workers.interruptRunning();
      if (!workers.awaitIdle(afterInterruptWait())) {
        log.warn("channel_monitor: {} checks ignored the interrupt", workers.running());
      }
      return false;
    } catch (InterruptedException e) {
      workers.interruptRunning();
      return true;
    }
  }

  /** The second, shorter wait for checks that were interrupted: never longer than the first. */
  private Duration afterInterruptWait() {
    return stopTimeout.compareTo(AFTER_INTERRUPT_WAIT) < 0 ? stopTimeout : AFTER_INTERRUPT_WAIT;
  }

  private boolean scheduleSpread(Monitor monitor) {
    if (monitor == null || !monitor.enabled()) {
      return false;
    }
    if (monitor.keyDecryptFailed()) {
      log.warn(
          "channel_monitor: monitor {} not scheduled: its api key cannot be decrypted",
          monitor.id());
      return false;
    }
    if (monitor.intervalSeconds() <= 0) {
      log.error("channel_monitor: monitor {} not scheduled: invalid interval", monitor.id());
      return false;
    }
    synchronized (lock) {
      if (state != State.RUNNING || tasks.containsKey(monitor.id())) {
        return false;
      }
      ScheduledMonitor task = new ScheduledMonitor(monitor.id(), monitor.config());
      tasks.put(task.id(), task);
      arm(task, RoundDelays.firstRun(monitor.intervalSeconds(), random));
      return true;
    }
  }

  /** Arms the task's next fire; called under the lock. */
  private void arm(ScheduledMonitor task, Duration delay) {
    try {
      task.armed(timer.schedule(() -> onDue(task), delay), clock.instant().plus(delay));
    } catch (RuntimeException e) {
      log.error("channel_monitor: could not arm the timer of monitor {}", task.id(), e);
      tasks.remove(task.id(), task);
    }
  }

  /** The timer callback: fire unless the task is stale, then arm the next round. */
  private void onDue(ScheduledMonitor task) {
    Instant dueAt;
    synchronized (lock) {
      if (!isCurrent(task)) {
        return;
      }
      dueAt = task.dueAt();
    }
    try {
      fire(task, dueAt);
    } catch (RuntimeException | Error e) {
      log.error("channel_monitor: fire of monitor {} failed", task.id(), e);
    }
    synchronized (lock) {
      if (isCurrent(task)) {
        arm(
            task,
            RoundDelays.nextRound(
                task.config().intervalSeconds(), task.config().jitterSeconds(), random));
      }
    }
  }

  private boolean isCurrent(ScheduledMonitor task) {
    return state == State.RUNNING && tasks.get(task.id()) == task;
  }

  private void fire(ScheduledMonitor task, Instant dueAt) {
    long id = task.id();
    if (!switchOn()) {
      skip(id, SkipReason.SWITCH_OFF);
      return;
    }
    if (!inFlight.tryAcquire(id)) {
      skip(id, SkipReason.IN_FLIGHT);
      return;
    }
    if (!claim(id, dueAt)) {
      inFlight.release(id);
      skip(id, SkipReason.NOT_CLAIMED);
      return;
    }
    CheckWorkers.Job job = new CheckWorkers.Job(() -> runCheck(task), () -> endRun(id));
    if (!workers.trySubmit(job)) {
      endRun(id);
      skip(id, SkipReason.SATURATED);
    }
  }

  private void skip(long monitorId, SkipReason reason) {
    metrics.skipped(reason);
    log.debug("channel_monitor: skip run of monitor {}: {}", monitorId, reason.tag());
  }

  /** Reads the global switch; a failure counts as on. */
  private boolean switchOn() {
    try {
      return switchProvider.monitoringEnabled();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      long now = clock.millis();
      long last = lastSwitchWarnMillis.get();
      boolean warn =
          (last == Long.MIN_VALUE || now - last >= SWITCH_WARN_INTERVAL.toMillis())
              && lastSwitchWarnMillis.compareAndSet(last, now);
      if (warn) {
        log.warn("channel_monitor: reading the monitoring switch failed; treating it as on", e);
      } else {
        log.debug("channel_monitor: reading the monitoring switch failed ({})", e.toString());
      }
      return true;
    }
  }

  private boolean claim(long monitorId, Instant dueAt) {
    try {
      return coordinator.tryClaim(monitorId, dueAt);
    } catch (RuntimeException e) {
      log.warn("channel_monitor: claiming the run of monitor {} failed", monitorId, e);
      return false;
    }
  }

  /** The worker's part: run, unschedule a monitor that cannot run any more, always release. */
  private void runCheck(ScheduledMonitor task) {
    long id = task.id();
    try {
      action.run(id);
    } catch (KeyDecryptFailedException e) {
      log.warn("channel_monitor: monitor {} unscheduled: its api key cannot be decrypted", id);
      unscheduleTask(task);
    } catch (MonitorNotFoundException e) {
      log.info("channel_monitor: monitor {} unscheduled: it no longer exists", id);
      unscheduleTask(task);
    } catch (RuntimeException e) {
      log.warn("channel_monitor: run check of monitor {} failed", id, e);
    } catch (Error e) {
      log.error("channel_monitor: run check of monitor {} failed", id, e);
    } finally {
      endRun(id);
    }
  }

  /** Removes the task only if no newer schedule replaced it (a repaired key stays scheduled). */
  private void unscheduleTask(ScheduledMonitor task) {
    synchronized (lock) {
      if (tasks.remove(task.id(), task)) {
        task.cancel();
      }
    }
  }

  private void endRun(long monitorId) {
    inFlight.release(monitorId);
    try {
      coordinator.release(monitorId);
    } catch (RuntimeException e) {
      log.warn("channel_monitor: releasing the claim of monitor {} failed", monitorId, e);
    }
  }

  @Override
  public String toString() {
    return "MonitorScheduler[" + state + ", " + tasks.size() + " scheduled]";
  }
}
