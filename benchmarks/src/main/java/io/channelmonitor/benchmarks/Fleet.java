package io.channelmonitor.benchmarks;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.store.StoreFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic monitors of three models each, stored once, and the results of their runs. Verdicts and
 * latencies come from a hash of (monitor, model, time), so every run of the benchmark stores the
 * same history: about 97 % operational, 1 % degraded, 1 % failed, 1 % error, latencies 150..2999
 * ms.
 */
final class Fleet {
  static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4.1", "o4-mini");

  private final List<Long> ids;

  private Fleet(List<Long> ids) {
    this.ids = List.copyOf(ids);
  }

  /** Stores {@code size} monitors in {@code store}. */
  static Fleet create(ChannelMonitorStore store, int size) {
    List<Long> ids = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ids.add(
          store
              .insertMonitor(
                  StoreFixtures.monitor()
                      .name("bench-" + i)
                      .primaryModel(MODELS.get(0))
                      .extraModels(MODELS.get(1), MODELS.get(2))
                      .record())
              .id());
    }
    return new Fleet(ids);
  }

  int size() {
    return ids.size();
  }

  long id(int index) {
    return ids.get(index);
  }

  List<Long> ids() {
    return ids;
  }

  /** What the availability calculator is asked about: every monitor with its three models. */
  List<MonitorModels> models() {
    return ids.stream().map(id -> new MonitorModels(id, MODELS.get(0), MODELS)).toList();
  }

  /** The three results of one run of the monitor at {@code index}, checked at {@code at}. */
  List<ResultRecord> run(int index, Instant at) {
    long id = ids.get(index);
    List<ResultRecord> rows = new ArrayList<>(MODELS.size());
    for (int m = 0; m < MODELS.size(); m++) {
      rows.add(new ResultRecord(0, id, result(MODELS.get(m), at, mix(id, m, at))));
    }
    return rows;
  }

  private static CheckResult result(String model, Instant at, long hash) {
    int draw = (int) Math.floorMod(hash, 1000L);
    long latency = 150 + Math.floorMod(hash >>> 10, 2850L);
    if (draw < 970) {
      return new CheckResult(
          model, CheckStatus.OPERATIONAL, FailureKind.NONE, latency, null, 40L, "", at);
    }
    if (draw < 980) {
      return new CheckResult(
          model, CheckStatus.DEGRADED, FailureKind.NONE, 6000 + latency, null, 40L, "", at);
    }
    if (draw < 990) {
      return new CheckResult(
          model,
          CheckStatus.FAILED,
          FailureKind.CHALLENGE_MISMATCH,
          latency,
          null,
          40L,
          "answer did not match",
          at);
    }
    return new CheckResult(
        model, CheckStatus.ERROR, FailureKind.UPSTREAM_5XX, latency, null, 40L, "HTTP 503", at);
  }

  /** A well-spread 64-bit hash (SplitMix64 finaliser) of the three inputs. */
  private static long mix(long id, int model, Instant at) {
    long z = id * 0x9E3779B97F4A7C15L + model * 0xBF58476D1CE4E5B9L + at.getEpochSecond();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
