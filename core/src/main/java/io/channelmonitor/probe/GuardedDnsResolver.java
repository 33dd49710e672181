package io.channelmonitor.probe;

import io.channelmonitor.Reason;
import io.channelmonitor.ssrf.SsrfBlockedException;
import io.channelmonitor.ssrf.SsrfGuard;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HttpClient resolver hook: every host, IP literals included, goes through {@link
 * SsrfGuard#resolveForConnect(String)} once per connection, and only the vetted addresses are
 * dialled. A refusal surfaces as an {@link UnknownHostException} (the type HttpClient expects from
 * a resolver) whose cause is the {@link SsrfBlockedException}; its message is fixed text without
 * the host or any address. Never returns null or an empty answer. Thread-safe.
 */
final class GuardedDnsResolver implements DnsResolver {
  static final String BLOCKED_MESSAGE = "blocked by SSRF policy";
  static final String UNRESOLVED_MESSAGE = "host could not be resolved";

  private final SsrfGuard guard;
  private final CallDeadlines deadlines;

  /**
   * @param deadlines the calls in progress: a lookup waits at most what is left of the current
   *     thread's call (and the policy's resolve timeout)
   */
  GuardedDnsResolver(SsrfGuard guard, CallDeadlines deadlines) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return vetted(host).toArray(new InetAddress[0]);
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetAddress> addresses = vetted(host);
    List<InetSocketAddress> out = new ArrayList<>(addresses.size());
    for (InetAddress address : addresses) {
      // Built from the guard's own InetAddress objects: they carry the name that allowlisted host
      // patterns are matched against when the socket hook re-checks the address.
      out.add(new InetSocketAddress(address, port));
    }
    return List.copyOf(out);
  }

  /** No reverse or canonical lookup: the name is returned as given. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  private List<InetAddress> vetted(String host) throws UnknownHostException {
    List<InetAddress> addresses;
    try {
      Duration policyTimeout = guard.policy().resolveTimeout();
      addresses = guard.resolveForConnect(host, deadlines.remaining(policyTimeout));
    } catch (SsrfBlockedException e) {
      throw refusal(e);
    }
    if (addresses == null || addresses.isEmpty()) {
      // The guard promises a non-empty answer; fail closed if that ever breaks.
      throw new UnknownHostException(UNRESOLVED_MESSAGE);
    }
    return addresses;
  }

  private static UnknownHostException refusal(SsrfBlockedException cause) {
    String message =
        cause.reason() == Reason.CHANNEL_MONITOR_ENDPOINT_UNREACHABLE
            ? UNRESOLVED_MESSAGE
            : BLOCKED_MESSAGE;
    UnknownHostException e = new UnknownHostException(message);
    e.initCause(cause);
    return e;
  }
}
