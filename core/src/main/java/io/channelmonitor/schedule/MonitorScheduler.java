package io.channelmonitor.schedule;

import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.KeyDecryptFailedException;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.MonitorNotFoundException;
import io.channelmonitor.Reason;
import io.channelmonitor.store.ResultWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 * <p><b>Cluster mode.</b> With a {@link SharedScheduleCoordinator} the due times live in the shared
 * store and no timer is armed per monitor: a poll on the timer claims due runs (at most as many as
 * there are free workers) and fires each one through the same checks as above. {@link
 * #schedule(Monitor)} and {@link #updated} make a monitor due at once when a timer would have fired
 * at once; disabled and deleted monitors are simply not claimed any more. Results go through a
 * {@link ClaimedRunAction}, which completes the claim.
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

  /** Cluster mode, counter: runs this instance claimed, tagged {@code kind} = due or manual. */
  public static final String METER_CLUSTER_CLAIMS = "channel.monitor.cluster.claims";

  /** Cluster mode, counter: runs whose results were refused because their claim was taken over. */
  public static final String METER_CLUSTER_FENCED = "channel.monitor.cluster.fenced";

  /** Cluster mode, counter: coordinator calls that failed, tagged {@code step}. */
  public static final String METER_CLUSTER_FAILURES = "channel.monitor.cluster.failures";

  /** Cluster mode, gauge: live instances seen at the last heartbeat. */
  public static final String METER_CLUSTER_INSTANCES = "channel.monitor.cluster.instances";

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
  private final FeatureSwitch featureSwitch;
  private final ClusterCoordinator coordinator;
  private final ClusterMode cluster;
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
  private volatile State state = State.NEW;

  private MonitorScheduler(MonitorSchedulerBuilder b) {
    this.source = b.source;
    this.action = b.action;
    this.featureSwitch = new FeatureSwitch(b.settingsProvider, b.clock);
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
    this.cluster =
        b.coordinator instanceof SharedScheduleCoordinator shared
            ? new ClusterMode(
                shared,
                b.claimedAction,
                new ClusterMode.Parts(
                    timer,
                    registry,
                    new Random(random.nextLong()),
                    workers::free,
                    this::fire,
                    () -> state == State.RUNNING,
                    this::nextRound))
            : null;
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
    if (cluster != null) {
      cluster.start();
      return;
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
   *
   * <p>In cluster mode an enabled monitor falls due at once for the whole cluster ({@link
   * SharedScheduleCoordinator#dueNow}), whether this scheduler runs or not; a disabled one is left
   * alone, as no instance claims it.
   */
  public void schedule(Monitor monitor) {
    if (monitor == null) {
      return;
    }
    if (!monitor.enabled() || monitor.keyDecryptFailed()) {
      unschedule(monitor.id());
      return;
    }
    if (cluster != null) {
      cluster.dueNow(monitor.id());
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

  /**
   * Follows an edit of a stored monitor. With timers: a new key unschedules it first, then {@link
   * #schedule(Monitor)}. In cluster mode it falls due at once when it is enabled and its key, its
   * probe or its schedule changed, or it was just enabled (a rename does not re-probe).
   */
  public void updated(MonitorConfig before, Monitor after, boolean newKey) {
    if (cluster == null) {
      if (newKey) {
        unschedule(after.id());
      }
      schedule(after);
    } else if (after.enabled()
        && !after.keyDecryptFailed()
        && (newKey || !after.config().probesSameAs(before))) {
      cluster.dueNow(after.id());
    }
  }

  /**
   * Runs a manual check under the guard that scheduled runs share, and in cluster mode under the
   * monitor's lease: the check runs here, and no instance runs it at the same time.
   *
   * @param local where the results go without cluster mode
   * @param run the check, given the writer its results must go through
   * @throws ChannelMonitorException {@code CHANNEL_MONITOR_RUN_IN_PROGRESS} when a check of the
   *     monitor runs here or, in cluster mode, on another instance
   * @throws io.channelmonitor.StoreException when the lease cannot be claimed
   */
  public <T> T runManually(long monitorId, ResultWriter local, Function<ResultWriter, T> run) {
    if (!inFlight.tryAcquire(monitorId)) {
      throw new ChannelMonitorException(Reason.CHANNEL_MONITOR_RUN_IN_PROGRESS, null);
    }
    try {
      return cluster == null ? run.apply(local) : cluster.runManually(monitorId, run);
    } finally {
      inFlight.release(monitorId);
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
    if (cluster != null) {
      cluster.stop();
    }
    boolean interrupted = false;
    try {
      workers.close().forEach(job -> job.onDrop().run());
      interrupted = workers.drain(stopTimeout, AFTER_INTERRUPT_WAIT);
      interrupted |= executor.shutdown(AFTER_INTERRUPT_WAIT);
    } finally {
      timer.shutdown();
      if (cluster != null) {
        cluster.leave();
      }
      state = State.STOPPED;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    log.info("channel_monitor: scheduler stopped");
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
      fire(new TimerRun(task.id(), dueAt, coordinator, action, () -> unscheduleTask(task)));
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

  /** The delay of a monitor's next round, drawn under the lock like every use of the random. */
  private Duration nextRound(int intervalSeconds, int jitterSeconds) {
    synchronized (lock) {
      return RoundDelays.nextRound(intervalSeconds, jitterSeconds, random);
    }
  }

  /** The decision for every due run: switch, in-flight guard, claim, a free worker. */
  private void fire(DueRun run) {
    long id = run.monitorId();
    if (!featureSwitch.on()) {
      run.skipped();
      skip(id, SkipReason.SWITCH_OFF);
      return;
    }
    if (!inFlight.tryAcquire(id)) {
      run.skipped();
      skip(id, SkipReason.IN_FLIGHT);
      return;
    }
    if (!run.claim()) {
      inFlight.release(id);
      skip(id, SkipReason.NOT_CLAIMED);
      return;
    }
    CheckWorkers.Job job = new CheckWorkers.Job(() -> runCheck(run), () -> endRun(run, true));
    if (!workers.trySubmit(job)) {
      endRun(run, true);
      skip(id, SkipReason.SATURATED);
    }
  }

  private void skip(long monitorId, SkipReason reason) {
    metrics.skipped(reason);
    log.debug("channel_monitor: skip run of monitor {}: {}", monitorId, reason.tag());
  }

  /** The worker's part: run, drop a monitor that cannot run any more, always end the run. */
  private void runCheck(DueRun run) {
    long id = run.monitorId();
    try {
      run.run();
    } catch (KeyDecryptFailedException e) {
      log.warn("channel_monitor: monitor {} cannot run: its api key cannot be decrypted", id);
      run.unrunnable();
    } catch (MonitorNotFoundException e) {
      log.info("channel_monitor: monitor {} cannot run: it no longer exists", id);
      run.unrunnable();
    } catch (RuntimeException e) {
      log.warn("channel_monitor: run check of monitor {} failed", id, e);
    } catch (Error e) {
      log.error("channel_monitor: run check of monitor {} failed", id, e);
    } finally {
      endRun(run, false);
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

  private void endRun(DueRun run, boolean dropped) {
    inFlight.release(run.monitorId());
    run.ended(dropped);
  }

  @Override
  public String toString() {
    if (cluster != null) {
      return "MonitorScheduler[" + state + ", " + cluster + "]";
    }
    return "MonitorScheduler[" + state + ", " + tasks.size() + " scheduled]";
  }
}
