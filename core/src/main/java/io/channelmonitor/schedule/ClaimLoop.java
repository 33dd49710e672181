package io.channelmonitor.schedule;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll of cluster mode, on the scheduler's timer: join once, then at every poll a heartbeat and
 * a claim of at most as many due runs as there are free workers, each handed to the scheduler.
 * Every wait is drawn between 0.5 and 1.5 poll intervals, so instances that started together do not
 * poll in step. A failing call is counted and tried again at the next poll.
 */
final class ClaimLoop {
  private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);

  private final SharedScheduleCoordinator coordinator;
  private final TaskTimer timer;
  private final ClusterCalls calls;
  private final RandomGenerator random;
  private final IntSupplier freeWorkers;
  private final Consumer<RunClaim> fire;
  private final Object lock = new Object();
  private TaskTimer.Cancellable next;
  private boolean running;
  private boolean joined;

  /**
   * @param random only used on the timer thread
   * @param freeWorkers how many more checks could start now
   * @param fire takes each claim; it must settle it (run it or give it back)
   */
  ClaimLoop(
      SharedScheduleCoordinator coordinator,
      TaskTimer timer,
      ClusterCalls calls,
      RandomGenerator random,
      IntSupplier freeWorkers,
      Consumer<RunClaim> fire) {
    this.coordinator = coordinator;
    this.timer = timer;
    this.calls = calls;
    this.random = random;
    this.freeWorkers = freeWorkers;
    this.fire = fire;
  }

  /** Arms the first poll, at once. */
  void start() {
    synchronized (lock) {
      running = true;
      arm(Duration.ZERO);
    }
  }

  /** Cancels the next poll; a poll running now still hands its claims over. */
  void stop() {
    synchronized (lock) {
      running = false;
      if (next != null) {
        next.cancel();
        next = null;
      }
    }
  }

  /** Leaves the cluster; after {@link #stop()} and once no poll runs any more. */
  void leave() {
    calls.guard(ClusterStep.LEAVE, coordinator::leave);
  }

  private void arm(Duration delay) {
    try {
      next = timer.schedule(this::poll, delay);
    } catch (RuntimeException e) {
      log.error("channel_monitor: could not arm the cluster poll; no more checks run here", e);
    }
  }

  private void poll() {
    synchronized (lock) {
      if (!running) {
        return;
      }
    }
    try {
      pollOnce();
    } catch (RuntimeException | Error e) {
      log.error("channel_monitor: cluster poll failed", e);
    }
    synchronized (lock) {
      if (running) {
        arm(pollDelay());
      }
    }
  }

  private void pollOnce() {
    if (!joined) {
      joined = calls.guard(ClusterStep.JOIN, coordinator::join);
    }
    int live = calls.guard(ClusterStep.HEARTBEAT, coordinator::heartbeat, 0);
    if (live > 0) {
      calls.instances(live);
    }
    int free = freeWorkers.getAsInt();
    if (free <= 0) {
      return;
    }
    List<RunClaim> claims = calls.guard(ClusterStep.CLAIM, () -> coordinator.claimDue(free), null);
    if (claims == null || claims.isEmpty()) {
      return;
    }
    calls.claimed(claims.size());
    claims.forEach(fire);
  }

  private Duration pollDelay() {
    long millis = Math.max(1, coordinator.pollInterval().toMillis());
    return Duration.ofMillis(millis / 2 + random.nextLong(millis + 1));
  }
}
