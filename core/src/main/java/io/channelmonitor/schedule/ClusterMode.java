package io.channelmonitor.schedule;

import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.Reason;
import io.channelmonitor.store.ResultWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of {@link MonitorScheduler} that only cluster mode has: the claim loop, due-now on
 * create and edit, and manual runs under the monitor's lease. Every claimed run is fired through
 * the scheduler's one decision ({@code fire}).
 */
final class ClusterMode {
  private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);

  private final SharedScheduleCoordinator coordinator;
  private final ClaimedRunAction action;
  private final ClusterCalls calls;
  private final ClaimLoop loop;
  private final Consumer<DueRun> fire;
  private final BooleanSupplier running;
  private final ClaimedRun.NextRound nextRound;

  /** What the scheduler lends cluster mode. */
  record Parts(
      TaskTimer timer,
      MeterRegistry registry,
      RandomGenerator pollRandom,
      IntSupplier freeWorkers,
      Consumer<DueRun> fire,
      BooleanSupplier running,
      ClaimedRun.NextRound nextRound) {}

  ClusterMode(SharedScheduleCoordinator coordinator, ClaimedRunAction action, Parts parts) {
    if (action == null) {
      throw new IllegalStateException(
          "a SharedScheduleCoordinator needs a claimedRunAction: results of claimed runs must be"
              + " written under their claim");
    }
    this.coordinator = coordinator;
    this.action = action;
    this.calls = new ClusterCalls(parts.registry());
    this.fire = parts.fire();
    this.running = parts.running();
    this.nextRound = parts.nextRound();
    this.loop =
        new ClaimLoop(
            coordinator,
            parts.timer(),
            calls,
            parts.pollRandom(),
            parts.freeWorkers(),
            this::fireClaimed);
  }

  void start() {
    loop.start();
    log.info("channel_monitor: scheduler started in cluster mode with {}", coordinator);
  }

  /** Cancels the next poll. */
  void stop() {
    loop.stop();
  }

  /** Gives back what is still held and deregisters; once no poll and no check runs any more. */
  void leave() {
    loop.leave();
  }

  void dueNow(long monitorId) {
    calls.guard(ClusterStep.DUE_NOW, () -> coordinator.dueNow(monitorId));
  }

  /**
   * Claims the monitor's lease, runs {@code run} with a writer that completes the claim, and gives
   * the claim back if it did not.
   */
  <T> T runManually(long monitorId, Function<ResultWriter, T> run) {
    RunClaim claim;
    try {
      claim = coordinator.claimNow(monitorId).orElse(null);
      calls.succeeded(ClusterStep.CLAIM);
    } catch (RuntimeException e) {
      calls.failed(ClusterStep.CLAIM, e);
      throw e;
    }
    if (claim == null) {
      throw new ChannelMonitorException(Reason.CHANNEL_MONITOR_RUN_IN_PROGRESS, null);
    }
    calls.claimedManually();
    ClaimedRun manual = claimedRun(claim);
    try {
      return run.apply(manual.writer());
    } finally {
      manual.ended(false);
    }
  }

  /** A claim of the poll: fired through the scheduler's decision, or given back when stopping. */
  private void fireClaimed(RunClaim claim) {
    ClaimedRun run = claimedRun(claim);
    if (!running.getAsBoolean()) {
      run.ended(true);
      return;
    }
    try {
      fire.accept(run);
    } catch (RuntimeException | Error e) {
      log.error("channel_monitor: fire of monitor {} failed", claim.monitorId(), e);
      run.ended(true);
    }
  }

  private ClaimedRun claimedRun(RunClaim claim) {
    return new ClaimedRun(claim, coordinator, action, calls, nextRound);
  }

  @Override
  public String toString() {
    return "cluster mode with " + coordinator;
  }
}
