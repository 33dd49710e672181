package io.channelmonitor.ssrf;

import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps probes away from private and metadata addresses (security.md 3, DESIGN.md 3 "SSRF").
 *
 * <p>{@link #checkEndpoint(String)} is the save-time check: it canonicalises an endpoint URL and
 * refuses it with a reason code. It is advisory, because DNS can change after it ran. The binding
 * control is at connect time: a transport resolves through {@link #resolveForConnect(String)} and
 * re-checks every socket address with {@link #checkConnect(InetSocketAddress)}.
 *
 * <p>Messages never carry the input, the host or an address; refusals are logged at DEBUG with the
 * reason and the address class only. Thread-safe.
 */
public final class SsrfGuard {
  private static final Logger LOG = LoggerFactory.getLogger(SsrfGuard.class);

  private final SsrfPolicy policy;
  private final EndpointParser parser;
  private final HostGate gate;

  /**
   * @param policy what may be reached
   * @param resolver how names are resolved; {@link HostResolver#system()} in production
   */
  public SsrfGuard(SsrfPolicy policy, HostResolver resolver) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.parser = new EndpointParser(policy.allowInsecureHttp());
    this.gate = new HostGate(policy, Objects.requireNonNull(resolver, "resolver"));
  }

  /** The policy this guard enforces. */
  public SsrfPolicy policy() {
    return policy;
  }

  /**
   * The save-time check: parses {@code raw} (trimmed), applies the structural rules, then
   * classifies an IP literal or resolves a name once and classifies every answer.
   *
   * @return the canonical endpoint
   * @throws MonitorValidationException with {@code CHANNEL_MONITOR_INVALID_ENDPOINT}, {@code
   *     _ENDPOINT_SCHEME}, {@code _ENDPOINT_PATH}, {@code _ENDPOINT_PRIVATE} or {@code
   *     _ENDPOINT_UNREACHABLE}
   */
  public Endpoint checkEndpoint(String raw) {
    EndpointParser.Parsed parsed;
    try {
      parsed = parser.parse(raw);
    } catch (MonitorValidationException e) {
      LOG.debug("SSRF guard refused an endpoint: reason={}", e.reasonCode());
      throw e;
    }
    HostGate.Decision decision = gate.vet(parsed.host());
    if (decision.verdict() != HostGate.Verdict.ALLOWED) {
      logRefusal("an endpoint", decision);
      throw new MonitorValidationException(decision.verdict().reason());
    }
    return parsed.endpoint();
  }

  /**
   * The connect-time resolver for an HTTP transport: accepts a host as the transport has it (IPv6
   * in brackets or not), classifies a literal, or resolves a name once with the policy's deadline.
   * The whole host is refused when any answer is blocked.
   *
   * @return the vetted addresses, never empty; dial exactly these
   * @throws SsrfBlockedException when the host is not canonical, is denied, does not resolve in
   *     time, has no answers, or has a blocked answer; {@link SsrfBlockedException#reason()} tells
   *     which
   */
  public List<InetAddress> resolveForConnect(String host) throws SsrfBlockedException {
    return resolveForConnect(host, policy.resolveTimeout());
  }

  /**
   * As {@link #resolveForConnect(String)}, with a lookup that waits at most {@code maxWait} (and
   * never longer than the policy's resolve timeout): a transport passes what is left of its request
   * deadline, so a slow DNS server cannot hold a call past it.
   *
   * @throws SsrfBlockedException as {@link #resolveForConnect(String)}; a lookup that misses the
   *     shorter deadline is {@link io.channelmonitor.Reason#CHANNEL_MONITOR_ENDPOINT_UNREACHABLE}
   */
  public List<InetAddress> resolveForConnect(String host, Duration maxWait)
      throws SsrfBlockedException {
    Objects.requireNonNull(maxWait, "maxWait");
    Optional<ParsedHost> parsed = ParsedHost.parse(host);
    if (parsed.isEmpty()) {
      LOG.debug("SSRF guard refused a connection: host not in canonical form");
      throw new SsrfBlockedException(Reason.CHANNEL_MONITOR_INVALID_ENDPOINT);
    }
    HostGate.Decision decision = gate.vet(parsed.get(), maxWait);
    if (decision.verdict() != HostGate.Verdict.ALLOWED) {
      logRefusal("a connection", decision);
      throw new SsrfBlockedException(decision.verdict().reason());
    }
    return decision.addresses();
  }

  /**
   * The socket hook: re-checks the exact address a socket is about to connect to.
   *
   * @throws SsrfBlockedException when the address is unresolved or blocked
   */
  public void checkConnect(InetSocketAddress address) throws SsrfBlockedException {
    if (address == null || address.isUnresolved() || address.getAddress() == null) {
      LOG.debug("SSRF guard refused a connection: address not resolved");
      throw new SsrfBlockedException(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    }
    Optional<AddressClass> blocked =
        gate.blockingClass(address.getAddress(), address.getHostString());
    if (blocked.isPresent()) {
      LOG.debug("SSRF guard refused a connection: addressClass={}", blocked.get());
      throw new SsrfBlockedException(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    }
  }

  /**
   * Whether {@code address} is blocked under this guard's policy.
   *
   * @param hostOrNull the name the address was resolved from, which may match an allowlisted host
   *     pattern; {@code null} for a literal
   */
  public boolean isBlocked(InetAddress address, String hostOrNull) {
    return gate.blockingClass(address, hostOrNull).isPresent();
  }

  private static void logRefusal(String what, HostGate.Decision decision) {
    LOG.debug(
        "SSRF guard refused {}: verdict={}, addressClass={}",
        what,
        decision.verdict(),
        decision.blockedClass());
  }
}
