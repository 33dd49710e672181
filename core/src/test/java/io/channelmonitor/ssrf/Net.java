package io.channelmonitor.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.Reason;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helpers: addresses built from bytes, fake resolvers and the guard's two refusals. Nothing
 * here touches DNS.
 */
final class Net {
  private Net() {}

  /** An address from a literal, parsed strictly so that a typo can never become a DNS query. */
  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByAddress(bytes(literal));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** An {@link Inet6Address} even for a mapped address, which {@link #ip} would turn into IPv4. */
  static Inet6Address ip6(String literal) {
    try {
      return Inet6Address.getByAddress(null, bytes(literal), -1);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] bytes(String literal) {
    byte[] bytes =
        literal.indexOf(':') >= 0 ? Ipv6Literal.parse(literal) : Ipv4Literal.parse(literal);
    assertThat(bytes).as("test literal %s", literal).isNotNull();
    return bytes;
  }

  /** A resolver answering every name with the given literals, as the system resolver would. */
  static HostResolver answering(String... literals) {
    return host -> {
      List<InetAddress> out = new ArrayList<>();
      for (String literal : literals) {
        out.add(InetAddress.getByAddress(host, bytes(literal)));
      }
      return out;
    };
  }

  /** A resolver that fails the test if the guard ever calls it. */
  static HostResolver unused() {
    return host -> {
      throw new AssertionError("resolver must not be called");
    };
  }

  /**
   * Asserts that {@code guard} refuses the endpoint {@code raw} at save time for {@code reason}.
   */
  static void assertRefused(SsrfGuard guard, String raw, Reason reason) {
    assertThatThrownBy(() -> guard.checkEndpoint(raw))
        .isInstanceOfSatisfying(
            MonitorValidationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  /** Asserts that {@code guard} blocks a connect to {@code host} for {@code reason}. */
  static void assertBlockedAtConnect(SsrfGuard guard, String host, Reason reason) {
    assertThatThrownBy(() -> guard.resolveForConnect(host))
        .isInstanceOfSatisfying(
            SsrfBlockedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  /** Counts calls and remembers the last name asked. */
  static final class Counting implements HostResolver {
    final AtomicInteger calls = new AtomicInteger();
    volatile String lastHost;
    volatile String threadName;
    volatile boolean daemon;
    private final HostResolver delegate;

    Counting(HostResolver delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
      calls.incrementAndGet();
      lastHost = host;
      threadName = Thread.currentThread().getName();
      daemon = Thread.currentThread().isDaemon();
      return delegate.resolve(host);
    }
  }
}
