package io.channelmonitor.benchmarks.load;

import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fake upstream of the load harness, run in a JVM of its own so that its CPU time and heap do
 * not count against the process being measured. Prints {@code port=N} once it listens, forgets the
 * requests it records every second, and exits when its standard input closes (the harness ended).
 *
 * <p>Arguments: the answer time range in milliseconds, {@code min max} ({@code 0 0}: instant).
 */
public final class UpstreamMain {
  /** Streams send the first event this long after the headers when answers are slow. */
  static final Duration FIRST_TOKEN = Duration.ofMillis(300);

  private UpstreamMain() {}

  public static void main(String[] args) throws IOException {
    List<Integer> latencies =
        UpstreamModels.latencies(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
    ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor();
    try (FakeUpstream upstream = FakeUpstream.builder().build()) {
      script(upstream, latencies);
      cleaner.scheduleWithFixedDelay(upstream::clearRequests, 1, 1, TimeUnit.SECONDS);
      System.out.println("port=" + upstream.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // the harness never writes; end of input means it is gone
      }
    } finally {
      cleaner.shutdownNow();
    }
  }

  private static void script(FakeUpstream upstream, List<Integer> latencies) {
    for (int latency : latencies) {
      if (latency <= 0) {
        continue;
      }
      Duration total = Duration.ofMillis(latency);
      Duration first = total.compareTo(FIRST_TOKEN) < 0 ? total : FIRST_TOKEN;
      Behaviour slow =
          Behaviour.honest().withFirstTokenDelay(first).withTotalDelay(total.minus(first));
      for (String base : UpstreamModels.BASE_MODELS) {
        upstream.script(base + "-lat" + latency, slow);
      }
    }
  }
}
