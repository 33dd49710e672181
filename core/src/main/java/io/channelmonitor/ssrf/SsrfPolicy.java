package io.channelmonitor.ssrf;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which endpoints the {@link SsrfGuard} lets through. {@link #strict()} allows public https hosts
 * only. The {@link #builder()} can open private ranges that an operator names explicitly:
 *
 * <ul>
 *   <li>an allowed CIDR opens the addresses inside it that are of a relaxable class: RFC 1918,
 *       CGNAT (except 100.100.100.200), loopback, unique-local (except fd00:ec2::/32) and
 *       site-local;
 *   <li>an allowed host pattern lets that host skip the host-name deny-set (metadata names
 *       excepted) and resolve to addresses of the relaxable classes.
 * </ul>
 *
 * <p>Nothing opens the never-relaxable addresses: 0.0.0.0/8, {@code ::}, link-local, metadata
 * addresses and names, multicast, broadcast, reserved, documentation and benchmarking ranges, and
 * the NAT64, 6to4 and Teredo prefixes. Immutable and thread-safe.
 */
public final class SsrfPolicy {
  private static final Cidr LOOPBACK_V4 = Cidr.parse("127.0.0.0/8");
  private static final Cidr LOOPBACK_V6 = Cidr.parse("::1/128");

  /** How long a host-name lookup may take before the host counts as unreachable. */
  public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofSeconds(5);

  /** Plain {@code http} is refused unless a policy says otherwise. */
  public static final boolean DEFAULT_ALLOW_INSECURE_HTTP = false;

  private static final SsrfPolicy STRICT = new Builder().build();

  private final List<Cidr> cidrs;
  private final List<HostPattern> hosts;
  private final boolean allowInsecureHttp;
  private final Duration resolveTimeout;

  private SsrfPolicy(Builder builder) {
    this.cidrs = List.copyOf(builder.cidrs);
    this.hosts = List.copyOf(builder.hosts);
    this.allowInsecureHttp = builder.allowInsecureHttp;
    this.resolveTimeout = builder.resolveTimeout;
  }

  /** The default policy: public https endpoints only, nothing allowlisted. */
  public static SsrfPolicy strict() {
    return STRICT;
  }

  /** A builder starting from the strict defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The allowed networks in canonical form, for example {@code 10.0.0.0/8}. */
  public List<String> allowedCidrs() {
    return cidrs.stream().map(Cidr::toString).toList();
  }

  /** The allowed host patterns, lower-case, for example {@code *.openai.azure.com}. */
  public List<String> allowedHosts() {
    return hosts.stream().map(HostPattern::toString).toList();
  }

  /** Whether plain {@code http} endpoints are accepted (tests and demos only). */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /** The deadline for one host-name lookup. */
  public Duration resolveTimeout() {
    return resolveTimeout;
  }

  /** Whether an allowed CIDR contains {@code address}. */
  boolean allowsAddress(InetAddress address) {
    for (Cidr cidr : cidrs) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether loopback {@code address} is opened: only by an allowed range that names loopback itself
   * (inside 127.0.0.0/8 or ::1/128), never by a host pattern or a broad range such as 0.0.0.0/0, so
   * an allowlisted zone whose record points at 127.0.0.1 cannot reach the host.
   */
  boolean allowsLoopback(InetAddress address) {
    for (Cidr cidr : cidrs) {
      boolean loopbackRange = cidr.within(LOOPBACK_V4) || cidr.within(LOOPBACK_V6);
      if (loopbackRange && cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code host} matches an allowed pattern; metadata names never do. */
  boolean allowsHost(String host) {
    if (host == null) {
      return false;
    }
    String lower = host.toLowerCase(Locale.ROOT);
    if (HostnameRules.isMetadataName(lower)) {
      return false;
    }
    for (HostPattern pattern : hosts) {
      if (pattern.matches(lower)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SsrfPolicy policy
        && cidrs.equals(policy.cidrs)
        && hosts.equals(policy.hosts)
        && allowInsecureHttp == policy.allowInsecureHttp
        && resolveTimeout.equals(policy.resolveTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cidrs, hosts, allowInsecureHttp, resolveTimeout);
  }

  @Override
  public String toString() {
    return "SsrfPolicy[allowedCidrs="
        + allowedCidrs()
        + ", allowedHosts="
        + allowedHosts()
        + ", allowInsecureHttp="
        + allowInsecureHttp
        + ", resolveTimeout="
        + resolveTimeout
        + "]";
  }

  /** Builds an {@link SsrfPolicy}; not thread-safe, use it on one thread. */
  public static final class Builder {
    private final Set<Cidr> cidrs = new LinkedHashSet<>();
    private final Set<HostPattern> hosts = new LinkedHashSet<>();
    private boolean allowInsecureHttp = DEFAULT_ALLOW_INSECURE_HTTP;
    private Duration resolveTimeout = DEFAULT_RESOLVE_TIMEOUT;

    private Builder() {}

    /**
     * Opens the relaxable addresses inside a network, for example {@code 10.20.0.0/16} or {@code
     * fd12:3456::/32}. A bare address means that address only. Repeatable.
     *
     * @throws IllegalArgumentException when {@code cidr} is not a canonical CIDR without host bits
     */
    public Builder allowCidr(String cidr) {
      cidrs.add(Cidr.parse(cidr));
      return this;
    }

    /**
     * Allows a host name, exact ({@code llm.corp.example}) or {@code *.suffix} ({@code
     * *.openai.azure.com}, which matches names below the suffix but not the suffix itself).
     * Repeatable.
     *
     * @throws IllegalArgumentException when {@code pattern} is not a host name or such a pattern
     */
    public Builder allowHost(String pattern) {
      hosts.add(HostPattern.parse(pattern));
      return this;
    }

    /** Accepts plain {@code http} endpoints. For tests and demos only. */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * The deadline for one host-name lookup; {@link #DEFAULT_RESOLVE_TIMEOUT} when not set.
     *
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public Builder resolveTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("resolveTimeout must be positive: " + timeout);
      }
      this.resolveTimeout = timeout;
      return this;
    }

    /** The policy; the builder can be reused afterwards. */
    public SsrfPolicy build() {
      return new SsrfPolicy(this);
    }
  }
}
