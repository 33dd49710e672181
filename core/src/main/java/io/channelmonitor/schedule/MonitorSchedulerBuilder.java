package io.channelmonitor.schedule;

import io.channelmonitor.ChannelMonitorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link MonitorScheduler}; obtain it from {@link MonitorScheduler#builder(MonitorSource,
 * RunAction)}. Every part but the source and the action has a default.
 */
public final class MonitorSchedulerBuilder {
  final MonitorSource source;
  final RunAction action;
  SettingsProvider settingsProvider = SettingsProvider.alwaysOn();
  ClusterCoordinator coordinator = ClusterCoordinator.singleInstance();
  ClaimedRunAction claimedAction;
  InFlightGuard inFlightGuard = new InFlightGuard();
  TaskTimer timer;
  Executor checkExecutor;
  ChannelMonitorSettings settings = ChannelMonitorSettings.defaults();
  Clock clock = Clock.systemUTC();
  RandomGenerator random;
  MeterRegistry meterRegistry;

  MonitorSchedulerBuilder(MonitorSource source, RunAction action) {
    this.source = Objects.requireNonNull(source, "source");
    this.action = Objects.requireNonNull(action, "action");
  }

  /** The global switch read at every fire; {@link SettingsProvider#alwaysOn()} when not set. */
  public MonitorSchedulerBuilder settingsProvider(SettingsProvider value) {
    this.settingsProvider = Objects.requireNonNull(value, "settingsProvider");
    return this;
  }

  /** Who runs a due check; {@link ClusterCoordinator#singleInstance()} when not set. */
  public MonitorSchedulerBuilder coordinator(ClusterCoordinator value) {
    this.coordinator = Objects.requireNonNull(value, "coordinator");
    return this;
  }

  /**
   * How a run claimed from a {@link SharedScheduleCoordinator} runs: required with one, unused
   * otherwise.
   */
  public MonitorSchedulerBuilder claimedRunAction(ClaimedRunAction value) {
    this.claimedAction = Objects.requireNonNull(value, "claimedRunAction");
    return this;
  }

  /** The guard shared with manual runs; a new one when not set. */
  public MonitorSchedulerBuilder inFlightGuard(InFlightGuard value) {
    this.inFlightGuard = Objects.requireNonNull(value, "inFlightGuard");
    return this;
  }

  /**
   * The timer the monitors' rounds are armed on; {@link TaskTimer#system()} when not set. The
   * scheduler shuts it down in {@link MonitorScheduler#stop()}.
   */
  public MonitorSchedulerBuilder timer(TaskTimer value) {
    this.timer = Objects.requireNonNull(value, "timer");
    return this;
  }

  /**
   * Where checks run. When not set the scheduler creates an executor (virtual threads on Java 21+,
   * else {@code maxConcurrentChecks} daemon threads) and shuts it down in {@link
   * MonitorScheduler#stop()}; a given executor is never shut down. Either way at most {@code
   * maxConcurrentChecks} checks run and {@code queueCapacity} wait. Tests pass {@code
   * Runnable::run}.
   */
  public MonitorSchedulerBuilder checkExecutor(Executor value) {
    this.checkExecutor = Objects.requireNonNull(value, "checkExecutor");
    return this;
  }

  /** Reads {@code maxConcurrentChecks}, {@code queueCapacity} and {@code stopTimeout}. */
  public MonitorSchedulerBuilder settings(ChannelMonitorSettings value) {
    this.settings = Objects.requireNonNull(value, "settings");
    return this;
  }

  /** The clock of due times; {@link Clock#systemUTC()} when not set. */
  public MonitorSchedulerBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * The source of jitter and of the spread at start; a new {@link java.util.Random} when not set.
   * It is only used under the scheduler's lock, so it need not be thread-safe. Tests pass a seeded
   * one.
   */
  public MonitorSchedulerBuilder random(RandomGenerator value) {
    this.random = Objects.requireNonNull(value, "random");
    return this;
  }

  /** Where the scheduler's meters go; a private registry when not set. */
  public MonitorSchedulerBuilder meterRegistry(MeterRegistry value) {
    this.meterRegistry = Objects.requireNonNull(value, "meterRegistry");
    return this;
  }

  /**
   * @throws IllegalStateException when the coordinator is a {@link SharedScheduleCoordinator} and
   *     no {@link #claimedRunAction} is set
   */
  public MonitorScheduler build() {
    return MonitorScheduler.create(this);
  }
}
