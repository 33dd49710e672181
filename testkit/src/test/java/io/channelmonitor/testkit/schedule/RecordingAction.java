package io.channelmonitor.testkit.schedule;

import io.channelmonitor.schedule.RunAction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/** A run action that records each run with the clock's time, and can be told to misbehave. */
final class RecordingAction implements RunAction {
  record Run(long monitorId, Instant at) {}

  private final Clock clock;
  private final List<Run> runs = new CopyOnWriteArrayList<>();
  private final Map<Long, LongConsumer> behaviours = new ConcurrentHashMap<>();

  RecordingAction(Clock clock) {
    this.clock = clock;
  }

  /** What a run of {@code monitorId} does after it is recorded (e.g. throw). */
  void onRun(long monitorId, LongConsumer behaviour) {
    behaviours.put(monitorId, behaviour);
  }

  @Override
  public void run(long monitorId) {
    runs.add(new Run(monitorId, clock.instant()));
    LongConsumer behaviour = behaviours.get(monitorId);
    if (behaviour != null) {
      behaviour.accept(monitorId);
    }
  }

  List<Run> runs() {
    return List.copyOf(runs);
  }

  List<Long> ids() {
    return runs.stream().map(Run::monitorId).toList();
  }

  List<Instant> times(long monitorId) {
    return runs.stream().filter(r -> r.monitorId() == monitorId).map(Run::at).toList();
  }

  long count(long monitorId) {
    return runs.stream().filter(r -> r.monitorId() == monitorId).count();
  }
}
