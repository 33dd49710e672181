package io.channelmonitor.probe;

import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.answering;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.config;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.get;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.guard;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.kindAndMessage;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.FailureKind;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Server;
import io.channelmonitor.ssrf.SsrfGuard;
import io.channelmonitor.ssrf.SsrfPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole-call deadline: upstreams that stall, trickle or stay silent end as TIMEOUT close to the
 * timeout. Bounds are generous on purpose (CI machines are slow); the measured time is logged.
 */
class HttpClientProbeTransportTimeoutTest {
  private static final long GENEROUS_MILLIS = 5_000;

  @RegisterExtension
  final HttpClientProbeTransportHarness harness = new HttpClientProbeTransportHarness();

  /** Runs an exchange that must time out and returns how long it took. */
  private long timesOut(
      HttpClientProbeTransport transport, String url, long timeoutMillis, String what) {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                transport.exchange(
                    get(url), Duration.ofMillis(timeoutMillis), r -> r.body().readAllBytes()))
        .isInstanceOfSatisfying(
            ProbeException.class,
            kindAndMessage(
                FailureKind.TIMEOUT, "request timed out after " + timeoutMillis + " ms"));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("%s with a %d ms timeout ended after %d ms%n", what, timeoutMillis, millis);
    assertThat(millis).isBetween(timeoutMillis - 50, GENEROUS_MILLIS);
    return millis;
  }

  /** Runs an exchange with a raw server playing {@code script} that must time out. */
  private void timesOutAgainst(
      HttpClientProbeTransportRawServer.Script script, long timeoutMillis, String what)
      throws IOException {
    HttpClientProbeTransportRawServer server = harness.raw(script);
    timesOut(harness.transport(), server.url("/"), timeoutMillis, what);
  }

  @Test
  void headersThenStallTimesOut() throws Exception {
    timesOutAgainst(
        HttpClientProbeTransportRawServer.headersThenStall(), 500, "headers-then-stall");
  }

  @Test
  void trickleForeverTimesOut() throws Exception {
    timesOutAgainst(HttpClientProbeTransportRawServer.trickle(), 800, "trickle");
  }

  @Test
  void silentServerTimesOut() throws Exception {
    timesOutAgainst(HttpClientProbeTransportRawServer.silent(), 500, "no-headers");
  }

  @Test
  void waitingForAPooledConnectionCountsAgainstTheDeadline() throws Exception {
    HttpClientProbeTransportRawServer server =
        harness.raw(HttpClientProbeTransportRawServer.silent());
    HttpClientProbeTransport transport = harness.transport(config().withMaxConnections(1));
    CountDownLatch started = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              started.countDown();
              try {
                transport.exchange(get(server.url("/")), Duration.ofMillis(1500), r -> 1);
              } catch (ProbeException expected) {
                // the silent server never answers
              }
            });
    holder.setDaemon(true);
    holder.start();
    started.await();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (server.accepted.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    timesOut(transport, server.url("/"), 400, "pool-wait");
    holder.join(5_000);
  }

  @Test
  void readingAfterTheDeadlineIsTimeout() throws Exception {
    Server server = harness.server(respond(200, "late body"));
    assertThatThrownBy(
            () ->
                harness
                    .transport()
                    .exchange(
                        get(server.url("/")),
                        Duration.ofMillis(300),
                        r -> {
                          try {
                            Thread.sleep(500);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return r.body().readAllBytes();
                        }))
        .isInstanceOfSatisfying(
            ProbeException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
  }

  @Test
  void connectTimeoutIsTimeoutWithItsOwnMessage() {
    // The hook plays a connect that times out; no real unroutable address is ever dialled.
    HttpClientProbeTransport transport =
        harness.closeLater(
            new HttpClientProbeTransport(
                guard(answering(Map.of())),
                config(),
                address -> {
                  throw new java.net.SocketTimeoutException("Connect timed out");
                }));
    assertThatThrownBy(
            () -> transport.exchange(get("http://127.0.0.1:9/"), Duration.ofSeconds(5), r -> 1))
        .isInstanceOfSatisfying(
            ProbeException.class, kindAndMessage(FailureKind.TIMEOUT, "connect timed out"));
  }

  @Test
  void aLookupThatNeverAnswersEndsAtTheCallDeadlineNotAtTheResolveTimeout() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    SsrfPolicy patient =
        SsrfPolicy.builder()
            .allowCidr("127.0.0.0/8")
            .allowInsecureHttp(true)
            .resolveTimeout(Duration.ofMinutes(10))
            .build();
    HttpClientProbeTransport transport =
        harness.transport(
            new SsrfGuard(
                patient,
                host -> {
                  try {
                    released.await(); // a DNS server that never answers, until the test ends
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return List.of(HttpClientProbeTransportFixtures.ip(host, "127.0.0.1"));
                }));
    try {
      long millis = timesOut(transport, "http://stuck.test:9/", 300, "never-answering dns");
      assertThat(millis).isLessThan(GENEROUS_MILLIS);
    } finally {
      released.countDown();
    }
  }

  @Test
  void slowResolutionPastTheDeadlineIsTimeout() {
    // The lookup answers after the deadline: the call has already ended as TIMEOUT.
    HttpClientProbeTransport transport =
        harness.transport(
            host -> {
              try {
                Thread.sleep(700);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return List.of(HttpClientProbeTransportFixtures.ip(host, "127.0.0.1"));
            });
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> transport.exchange(get("http://slow.test:9/"), Duration.ofMillis(300), r -> 1))
        .isInstanceOfSatisfying(
            ProbeException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("slow-dns (700 ms) with a 300 ms timeout ended after %d ms%n", millis);
    assertThat(millis).isLessThan(GENEROUS_MILLIS);
  }

  @Test
  void zeroTimeoutFailsAtOnce() {
    assertThatThrownBy(
            () -> harness.transport().exchange(get("http://127.0.0.1:9/"), Duration.ZERO, r -> 1))
        .isInstanceOfSatisfying(
            ProbeException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT));
    assertThat(harness.spy.seen).isEmpty();
  }

  @Test
  void pingOfAStalledServerIsEmptyWithinTheTimeout() throws Exception {
    HttpClientProbeTransportRawServer server =
        harness.raw(HttpClientProbeTransportRawServer.silent());
    long start = System.nanoTime();
    assertThat(
            harness.transport().ping("http://127.0.0.1:" + server.port(), Duration.ofMillis(400)))
        .isEmpty();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isLessThan(GENEROUS_MILLIS);
  }
}
