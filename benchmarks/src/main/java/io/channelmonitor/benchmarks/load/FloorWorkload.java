package io.channelmonitor.benchmarks.load;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/**
 * The floor: the HTTP calls of a check and nothing else. One pacing thread plans a check every
 * {@code interval / monitors} and hands it to a fixed pool that sends, on a pooled Apache
 * HttpClient 5 classic client, the HEAD ping of the origin (unless {@code ping} is false) and the
 * probe's POST, and reads the answer to its end. No scheduling per monitor, no parsing, no store.
 */
final class FloorWorkload implements Workload {
  private final List<ProbeFleet.Request> requests;
  private final boolean ping;
  private final long periodNanos;
  private final int threads;
  private final Lateness lateness;
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private CloseableHttpClient client;
  private ExecutorService workers;
  private Thread pacer;
  private volatile boolean running;

  FloorWorkload(HarnessOptions options, List<ProbeFleet.Request> requests, boolean ping) {
    this.requests = requests;
    this.ping = ping;
    this.periodNanos = Math.round(1e9 / options.targetRate());
    this.threads = options.referenceThreads();
    this.lateness =
        new Lateness(LibraryWorkload.capacity(options, options.referenceDuration().toSeconds()));
  }

  @Override
  public String name() {
    return ping ? "floor: HttpClient 5 loop, HEAD + POST" : "floor: HttpClient 5 loop, POST only";
  }

  @Override
  public void start() {
    client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(64)
                    .build())
            .disableAutomaticRetries()
            .build();
    workers = Executors.newFixedThreadPool(threads);
    running = true;
    pacer = new Thread(this::pace, "floor-pacer");
    pacer.start();
  }

  private void pace() {
    long start = System.nanoTime();
    for (long k = 0; running; k++) {
      long planned = start + k * periodNanos;
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      ProbeFleet.Request request = requests.get((int) (k % requests.size()));
      workers.execute(() -> check(request, planned));
    }
  }

  private void check(ProbeFleet.Request request, long planned) {
    lateness.record((System.nanoTime() - planned) / 1000);
    try {
      if (ping) {
        client.execute(new HttpHead(request.origin()), response -> null);
      }
      HttpPost post = new HttpPost(request.url());
      request.headers().forEach(post::addHeader);
      post.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
      client.execute(post, response -> EntityUtils.toByteArray(response.getEntity()));
      completed.increment();
    } catch (IOException | IllegalStateException e) {
      failed.increment();
    }
  }

  @Override
  public long completed() {
    return completed.sum();
  }

  @Override
  public Lateness lateness() {
    return lateness;
  }

  @Override
  public Map<String, String> notes() {
    return Map.of("failed", Long.toString(failed.sum()), "worker threads", "" + threads);
  }

  @Override
  public void close() {
    running = false;
    try {
      if (pacer != null) {
        pacer.join();
      }
      if (workers != null) {
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (client != null) {
        client.close(CloseMode.GRACEFUL);
      }
    }
  }
}
