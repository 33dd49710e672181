package io.channelmonitor.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A naive in-house monitor, as a team would write one in an afternoon: a {@link
 * ScheduledExecutorService} with one fixed-rate task per monitor (first runs spread over one
 * interval), each sending the monitor's probe with the JDK {@link HttpClient} (blocking), reading
 * the answer with Jackson and keeping the latest verdict in a map. No ping, no SSRF guard, no
 * redaction, no history.
 */
final class NaiveWorkload implements Workload {
  private final HarnessOptions options;
  private final List<ProbeFleet.Request> requests;
  private final Lateness lateness;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Boolean> latest = new ConcurrentHashMap<>();
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private HttpClient client;
  private ScheduledExecutorService scheduler;

  NaiveWorkload(HarnessOptions options, List<ProbeFleet.Request> requests) {
    this.options = options;
    this.requests = requests;
    this.lateness =
        new Lateness(LibraryWorkload.capacity(options, options.referenceDuration().toSeconds()));
  }

  @Override
  public String name() {
    return "naive: ScheduledExecutorService + JDK HttpClient";
  }

  @Override
  public void start() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    scheduler = Executors.newScheduledThreadPool(options.referenceThreads());
    long period = options.interval().toMillis();
    Random random = new Random(42);
    for (int i = 0; i < requests.size(); i++) {
      long initial = (long) (random.nextDouble() * period);
      Task task = new Task(i, period);
      task.plannedFirst(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(initial));
      scheduler.scheduleAtFixedRate(task, initial, period, TimeUnit.MILLISECONDS);
    }
  }

  /** One monitor's check; knows when each of its runs was planned. */
  private final class Task implements Runnable {
    private final int index;
    private final HttpRequest request;
    private final long periodNanos;
    private volatile long firstNanos;
    private long round;

    Task(int index, long periodMillis) {
      this.index = index;
      this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
      ProbeFleet.Request probe = requests.get(index);
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(probe.url()))
              .timeout(Duration.ofSeconds(45))
              .POST(HttpRequest.BodyPublishers.ofByteArray(probe.body()));
      probe.headers().forEach(builder::header);
      this.request = builder.build();
    }

    void plannedFirst(long nanos) {
      this.firstNanos = nanos;
    }

    @Override
    public void run() {
      long planned = firstNanos + round++ * periodNanos;
      lateness.record((System.nanoTime() - planned) / 1000);
      try {
        HttpResponse<byte[]> response =
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        latest.put(index, response.statusCode() == 200 && answered(response.body()));
        completed.increment();
      } catch (IOException e) {
        failed.increment();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private boolean answered(byte[] body) throws IOException {
      ProbeFleet.Request probe = requests.get(index);
      if (options.stream()) {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8)
            .toLowerCase(Locale.ROOT)
            .contains(probe.expected());
      }
      JsonNode tree = json.readTree(body);
      JsonNode text =
          switch (probe.provider()) {
            case "openai" -> tree.path("choices").path(0).path("message").path("content");
            case "anthropic" -> tree.path("content").path(0).path("text");
            default ->
                tree.path("candidates").path(0).path("content").path("parts").path(0).path("text");
          };
      return text.asText().toLowerCase(Locale.ROOT).contains(probe.expected());
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
    long right = latest.values().stream().filter(Boolean::booleanValue).count();
    return Map.of(
        "failed", Long.toString(failed.sum()),
        "monitors whose latest answer was right", right + " of " + latest.size(),
        "scheduler threads", Integer.toString(options.referenceThreads()));
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client = null;
  }
}
