package io.channelmonitor.benchmarks.jmh;

import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfBlockedException;
import io.channelmonitor.ssrf.SsrfGuard;
import io.channelmonitor.ssrf.SsrfPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SSRF guard with the strict policy: the save-time check of an endpoint URL (parse,
 * canonicalise, classify) for an IP literal and for a host name, the connect-time lookup of a name,
 * and a refused private literal. Names go through an in-memory resolver, so no lookup leaves the
 * JVM; what is measured is the guard, including the short-lived thread its deadline lookup uses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SsrfGuardBenchmark {
  private static final String LITERAL = "https://8.8.4.4/v1";
  private static final String NAME = "https://api.relay-example.com/openai/v1";
  private static final String PRIVATE_LITERAL = "https://[::ffff:10.1.2.3]/v1";

  private SsrfGuard guard;

  @Setup
  public void setUp() throws UnknownHostException {
    List<InetAddress> answers =
        List.of(
            InetAddress.getByAddress("api.relay-example.com", new byte[] {104, 18, 6, (byte) 192}),
            InetAddress.getByAddress("api.relay-example.com", new byte[] {104, 18, 7, (byte) 192}));
    HostResolver inMemory =
        host -> {
          if (host.equals("api.relay-example.com")) {
            return answers;
          }
          throw new UnknownHostException("not in the benchmark's resolver");
        };
    guard = new SsrfGuard(SsrfPolicy.strict(), inMemory);
  }

  /** Save-time check of a public IPv4 literal: no lookup. */
  @Benchmark
  public Object checkEndpointLiteralIp() {
    return guard.checkEndpoint(LITERAL);
  }

  /** Save-time check of a host name: one lookup through the in-memory resolver. */
  @Benchmark
  public Object checkEndpointHostName() {
    return guard.checkEndpoint(NAME);
  }

  /** What the transport asks when it opens a connection to a name. */
  @Benchmark
  public Object resolveForConnectHostName() throws SsrfBlockedException {
    return guard.resolveForConnect("api.relay-example.com");
  }

  /** A private IPv4 address embedded in IPv6, refused with a reason code (an exception). */
  @Benchmark
  public Object checkEndpointRefusedLiteral() {
    try {
      return guard.checkEndpoint(PRIVATE_LITERAL);
    } catch (MonitorValidationException e) {
      return e.reason();
    }
  }
}
