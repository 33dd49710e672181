package io.channelmonitor.benchmarks;

import io.channelmonitor.jdbc.JdbcStore;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The store reads one {@code availability} call makes, timed one by one with the arguments the
 * calculator passes, to show where the time of a call goes and what the rollups replace.
 */
final class StoreReads {
  private static final LocalDate TODAY = AvailabilityBenchmark.TODAY;

  private final JdbcStore store;
  private final List<Long> ids;
  private final Map<Long, String> primaries = new LinkedHashMap<>();
  private final Map<Long, List<String>> models = new LinkedHashMap<>();
  private final int warmUp;
  private final int calls;
  private final PrintStream out;

  StoreReads(JdbcStore store, Fleet fleet, int warmUp, int calls, PrintStream out) {
    this.store = store;
    this.ids = fleet.ids();
    fleet.models().forEach(m -> primaries.put(m.monitorId(), m.primaryModel()));
    // The calculator reads the primary model's latest result from the timeline.
    fleet
        .models()
        .forEach(
            m ->
                models.put(
                    m.monitorId(),
                    m.models().stream().filter(model -> !model.equals(m.primaryModel())).toList()));
    this.warmUp = warmUp;
    this.calls = calls;
    this.out = out;
  }

  /** The reads of a call without watermark: one raw count makes up every window. */
  void rawOnly() {
    common();
    time(
        "countResultsFrom 30/15/7 days ago (every window from raw rows)",
        () ->
            store
                .countResultsFrom(
                    ids,
                    List.of(
                        startOf(TODAY.minusDays(29)),
                        startOf(TODAY.minusDays(14)),
                        startOf(TODAY.minusDays(6))),
                    startOf(TODAY.plusDays(1)))
                .size());
  }

  /** The reads of a call with the watermark at yesterday. */
  void withRollups() {
    common();
    time(
        "sumRollupsFrom 30/15/7 days ago to yesterday (every window up to the watermark)",
        () ->
            store
                .sumRollupsFrom(
                    ids,
                    List.of(TODAY.minusDays(29), TODAY.minusDays(14), TODAY.minusDays(6)),
                    TODAY.minusDays(1))
                .size());
    time(
        "countResultsFrom today (the raw part of every window)",
        () ->
            store
                .countResultsFrom(ids, List.of(startOf(TODAY)), startOf(TODAY.plusDays(1)))
                .size());
  }

  private void common() {
    time(
        "latestPerModel (latest status of the models other than the primary)",
        () -> store.latestPerModel(models).size());
    time("newestPoints(60) (timelines)", () -> store.newestPoints(primaries, 60).size());
    time(
        "newestResults(60) (every column, for comparison)",
        () -> store.newestResults(primaries, 60).size());
  }

  private void time(String label, LongSupplier read) {
    Samples samples = Samples.timeMillis(warmUp, calls, read);
    out.println("    " + label + ": " + samples.describeMillis());
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
