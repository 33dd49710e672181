package io.channelmonitor.testkit.schedule;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.schedule.ClaimedRunAction;
import io.channelmonitor.schedule.ClusterCoordinator;
import io.channelmonitor.schedule.InFlightGuard;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.MonitorSchedulerBuilder;
import io.channelmonitor.schedule.MonitorSource;
import io.channelmonitor.schedule.RunAction;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.schedule.SkipReason;
import io.channelmonitor.testkit.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * A {@link MonitorScheduler} driven by hand, for tests of host applications and of the library: its
 * timer is a {@link ManualTaskTimer} on a {@link ManualClock}, checks run on the thread that ticks
 * (unless another executor is given), and jitter and spread come from a seeded {@link Random}. No
 * thread is started and nothing sleeps.
 *
 * <pre>{@code
 * ManualScheduler driver = ManualScheduler.builder(source, runs::add).build();
 * driver.scheduler().start();
 * driver.scheduler().schedule(monitor);
 * driver.runDue();                      // the new monitor fires at once
 * driver.tick(Duration.ofSeconds(60));  // and again one interval later
 * }</pre>
 */
public final class ManualScheduler {
  /** The seed of the scheduler's {@link Random} unless {@link Builder#seed(long)} sets another. */
  public static final long DEFAULT_SEED = 20260101L;

  private final MonitorScheduler scheduler;
  private final ManualTaskTimer timer;
  private final MeterRegistry meterRegistry;

  private ManualScheduler(Builder b) {
    this.timer = new ManualTaskTimer(b.clock);
    this.meterRegistry = b.meterRegistry != null ? b.meterRegistry : new SimpleMeterRegistry();
    MonitorSchedulerBuilder builder =
        MonitorScheduler.builder(b.source, b.action)
            .timer(timer)
            .clock(b.clock)
            .random(new Random(b.seed))
            .checkExecutor(b.checkExecutor)
            .settings(b.settings)
            .settingsProvider(b.settingsProvider)
            .coordinator(b.coordinator)
            .meterRegistry(meterRegistry);
    if (b.inFlightGuard != null) {
      builder.inFlightGuard(b.inFlightGuard);
    }
    if (b.claimedAction != null) {
      builder.claimedRunAction(b.claimedAction);
    }
    this.scheduler = builder.build();
  }

  /**
   * A driver for a scheduler that loads {@code source} at start and runs checks with {@code
   * action}.
   */
  public static Builder builder(MonitorSource source, RunAction action) {
    return new Builder(source, action);
  }

  /**
   * The scheduler under test: call {@code start()}, {@code schedule(...)}, {@code stop()} on it.
   */
  public MonitorScheduler scheduler() {
    return scheduler;
  }

  public ManualTaskTimer timer() {
    return timer;
  }

  public ManualClock clock() {
    return timer.clock();
  }

  /** The registry the scheduler's meters are on. */
  public MeterRegistry meterRegistry() {
    return meterRegistry;
  }

  /** The guard shared by scheduled and manual runs. */
  public InFlightGuard inFlightGuard() {
    return scheduler.inFlightGuard();
  }

  /** Moves time forward, running every fire due on the way (see {@link ManualTaskTimer#tick}). */
  public int tick(Duration amount) {
    return timer.tick(amount);
  }

  /** Runs the fires due now, such as those of monitors just scheduled. */
  public int runDue() {
    return timer.runDue();
  }

  /** How many due runs were skipped for {@code reason} so far. */
  public long skipped(SkipReason reason) {
    Counter counter =
        meterRegistry
            .find(MonitorScheduler.METER_RUNS_SKIPPED)
            .tag("reason", reason.tag())
            .counter();
    return counter == null ? 0 : (long) counter.count();
  }

  /**
   * The value of one of the scheduler's gauges, e.g. {@link MonitorScheduler#METER_RUNS_QUEUED}.
   */
  public double gauge(String name) {
    Gauge gauge = meterRegistry.find(name).gauge();
    if (gauge == null) {
      throw new IllegalArgumentException("no gauge named " + name);
    }
    return gauge.value();
  }

  /** Collects the parts; everything but the source and the action has a default. */
  public static final class Builder {
    private final MonitorSource source;
    private final RunAction action;
    private ManualClock clock = ManualClock.start();
    private ChannelMonitorSettings settings = ChannelMonitorSettings.defaults();
    private SettingsProvider settingsProvider = SettingsProvider.alwaysOn();
    private ClusterCoordinator coordinator = ClusterCoordinator.singleInstance();
    private ClaimedRunAction claimedAction;
    private InFlightGuard inFlightGuard;
    private Executor checkExecutor = Runnable::run;
    private long seed = DEFAULT_SEED;
    private MeterRegistry meterRegistry;

    private Builder(MonitorSource source, RunAction action) {
      this.source = Objects.requireNonNull(source, "source");
      this.action = Objects.requireNonNull(action, "action");
    }

    /** The clock the timer moves; {@link ManualClock#start()} when not set. */
    public Builder clock(ManualClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder settings(ChannelMonitorSettings value) {
      this.settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /** The global switch; always on when not set. */
    public Builder settingsProvider(SettingsProvider value) {
      this.settingsProvider = Objects.requireNonNull(value, "settingsProvider");
      return this;
    }

    /** The cluster claim; a single instance when not set. */
    public Builder coordinator(ClusterCoordinator value) {
      this.coordinator = Objects.requireNonNull(value, "coordinator");
      return this;
    }

    /**
     * How runs claimed from a {@link io.channelmonitor.schedule.SharedScheduleCoordinator} run;
     * required with one. Its polls run on {@link #tick}, like the timers.
     */
    public Builder claimedRunAction(ClaimedRunAction value) {
      this.claimedAction = Objects.requireNonNull(value, "claimedRunAction");
      return this;
    }

    /** The guard to share with manual runs; a new one when not set. */
    public Builder inFlightGuard(InFlightGuard value) {
      this.inFlightGuard = Objects.requireNonNull(value, "inFlightGuard");
      return this;
    }

    /** Where checks run; the ticking thread ({@code Runnable::run}) when not set. */
    public Builder checkExecutor(Executor value) {
      this.checkExecutor = Objects.requireNonNull(value, "checkExecutor");
      return this;
    }

    /** The seed of jitter and spread; {@link #DEFAULT_SEED} when not set. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Where the meters go; a new {@link SimpleMeterRegistry} when not set. */
    public Builder meterRegistry(MeterRegistry value) {
      this.meterRegistry = Objects.requireNonNull(value, "meterRegistry");
      return this;
    }

    public ManualScheduler build() {
      return new ManualScheduler(this);
    }
  }
}
