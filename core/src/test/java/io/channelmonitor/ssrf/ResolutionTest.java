package io.channelmonitor.ssrf;

import static io.channelmonitor.Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE;
import static io.channelmonitor.Reason.CHANNEL_MONITOR_ENDPOINT_UNREACHABLE;
import static io.channelmonitor.ssrf.Net.assertBlockedAtConnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One lookup per check, with a deadline; every answer must pass. */
class ResolutionTest {
  private static final String HOST = "api.example.com";
  private static final String URL = "https://" + HOST + "/v1";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "8.8.8.8 10.0.0.1",
        "10.0.0.1 8.8.8.8",
        "1.1.1.1 8.8.8.8 127.0.0.1",
        "2606:4700:4700::1111 fd00:ec2::254",
        "8.8.8.8 169.254.169.254",
        "8.8.8.8 ::ffff:127.0.0.1",
        "8.8.8.8 64:ff9b::808:808",
        "2001:4860:4860::8888 fe80::1"
      })
  void mixedAnswersRefuseTheWholeHost(String answers) {
    SsrfGuard guard = guard(Net.answering(answers.split(" ")));
    assertRefused(guard, CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    assertBlockedAtConnect(guard, HOST, CHANNEL_MONITOR_ENDPOINT_PRIVATE);
  }

  @Test
  void allPublicAnswersPass() {
    SsrfGuard guard = guard(Net.answering("8.8.8.8", "2606:4700:4700::1111"));
    assertThat(guard.checkEndpoint(URL).url()).isEqualTo(URL);
  }

  @Test
  void zeroAnswersAreRefused() {
    assertRefused(guard(host -> List.of()), CHANNEL_MONITOR_ENDPOINT_PRIVATE);
  }

  @Test
  void nullAnswersAreRefused() {
    assertRefused(guard(host -> null), CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    assertRefused(
        guard(host -> Arrays.asList(Net.ip("8.8.8.8"), null)), CHANNEL_MONITOR_ENDPOINT_PRIVATE);
  }

  @Test
  void unknownHostIsUnreachable() {
    assertRefused(
        guard(
            host -> {
              throw new UnknownHostException(host + ": Name or service not known");
            }),
        CHANNEL_MONITOR_ENDPOINT_UNREACHABLE);
  }

  @Test
  void anyResolverFailureIsUnreachable() {
    assertRefused(
        guard(
            host -> {
              throw new IllegalStateException("resolver broke");
            }),
        CHANNEL_MONITOR_ENDPOINT_UNREACHABLE);
  }

  @Test
  void hangingResolverIsUnreachableAfterAboutTheDeadline() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    HostResolver hanging = hangingUntil(release);
    SsrfGuard guard =
        new SsrfGuard(SsrfPolicy.builder().resolveTimeout(Duration.ofMillis(200)).build(), hanging);
    try {
      long start = System.nanoTime();
      assertRefused(guard, CHANNEL_MONITOR_ENDPOINT_UNREACHABLE);
      assertBlockedAtConnect(guard, HOST, CHANNEL_MONITOR_ENDPOINT_UNREACHABLE);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aConnectLookupWaitsNoLongerThanTheCallerAllows() {
    CountDownLatch release = new CountDownLatch(1);
    Net.Counting counting = new Net.Counting(hangingUntil(release));
    SsrfGuard patient =
        new SsrfGuard(
            SsrfPolicy.builder().resolveTimeout(Duration.ofMinutes(10)).build(), counting);
    try {
      // Nothing left of the caller's deadline: refused without even starting a lookup.
      assertThatUnreachable(() -> patient.resolveForConnect(HOST, Duration.ZERO));
      assertThat(counting.calls).hasValue(0);
      // A short wait ends the lookup long before the policy's ten minutes.
      assertThatUnreachable(() -> patient.resolveForConnect(HOST, Duration.ofMillis(100)));
    } finally {
      release.countDown();
    }
  }

  private static void assertThatUnreachable(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SsrfBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo(CHANNEL_MONITOR_ENDPOINT_UNREACHABLE));
  }

  @Test
  void resolvesOnceOnAShortLivedDaemonThread() {
    Net.Counting counting = new Net.Counting(Net.answering("8.8.8.8"));
    SsrfGuard guard = guard(counting);
    guard.checkEndpoint("https://API.Example.COM/v1");
    assertThat(counting.calls).hasValue(1);
    assertThat(counting.lastHost).isEqualTo(HOST);
    assertThat(counting.threadName).isEqualTo("channel-monitor-dns");
    assertThat(counting.daemon).isTrue();
  }

  @Test
  void callerInterruptIsKeptAndCountsAsUnreachable() {
    CountDownLatch release = new CountDownLatch(1);
    SsrfGuard guard = guard(hangingUntil(release));
    Thread.currentThread().interrupt();
    try {
      assertRefused(guard, CHANNEL_MONITOR_ENDPOINT_UNREACHABLE);
      assertThat(Thread.interrupted()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void resolveForConnectReturnsEveryVettedAnswer() throws SsrfBlockedException {
    SsrfGuard guard = guard(Net.answering("8.8.8.8", "2606:4700:4700::1111"));
    List<InetAddress> addresses = guard.resolveForConnect(HOST);
    assertThat(addresses).containsExactly(Net.ip("8.8.8.8"), Net.ip("2606:4700:4700::1111"));
    assertThat(addresses.get(0).getHostName()).isEqualTo(HOST);
  }

  @Test
  void resolveForConnectRefusesZeroAnswersAndErrors() {
    assertBlockedAtConnect(guard(host -> List.of()), HOST, CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    HostResolver failing =
        host -> {
          throw new UnknownHostException(host);
        };
    assertBlockedAtConnect(guard(failing), HOST, CHANNEL_MONITOR_ENDPOINT_UNREACHABLE);
  }

  /** A resolver that waits for {@code release} (30 s at most), then answers a public address. */
  private static HostResolver hangingUntil(CountDownLatch release) {
    return host -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of(Net.ip("8.8.8.8"));
    };
  }

  private static SsrfGuard guard(HostResolver resolver) {
    return new SsrfGuard(SsrfPolicy.strict(), resolver);
  }

  private static void assertRefused(SsrfGuard guard, Reason reason) {
    Net.assertRefused(guard, URL, reason);
  }
}
