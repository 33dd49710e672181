package io.channelmonitor.ssrf;

import io.channelmonitor.Reason;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The address half of the guard, shared by the save-time check and the connect-time hooks: decides
 * whether a parsed host may be reached, resolving a name once with a deadline.
 */
final class HostGate {
  /** The outcome of vetting a host. */
  enum Verdict {
    ALLOWED(null),
    NAME_DENIED(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE),
    UNRESOLVED(Reason.CHANNEL_MONITOR_ENDPOINT_UNREACHABLE),
    NO_ANSWER(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE),
    ADDRESS_BLOCKED(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);

    private final Reason reason;

    Verdict(Reason reason) {
      this.reason = reason;
    }

    /** The reason code of a refusal; {@code null} for {@link #ALLOWED}. */
    Reason reason() {
      return reason;
    }
  }

  /**
   * @param addresses the vetted addresses when allowed, otherwise empty
   * @param blockedClass the class of the first blocked address, for logs; {@code null} otherwise
   */
  record Decision(Verdict verdict, List<InetAddress> addresses, AddressClass blockedClass) {
    static Decision refused(Verdict verdict, AddressClass blockedClass) {
      return new Decision(verdict, List.of(), blockedClass);
    }
  }

  private final SsrfPolicy policy;
  private final DeadlineResolver resolver;

  HostGate(SsrfPolicy policy, HostResolver resolver) {
    this.policy = policy;
    this.resolver = new DeadlineResolver(resolver, policy.resolveTimeout());
  }

  /** Vets a literal directly, a name against the deny-set and then every answer of one lookup. */
  Decision vet(ParsedHost host) {
    return vet(host, policy.resolveTimeout());
  }

  /** As {@link #vet(ParsedHost)}, a lookup waiting at most {@code maxWait} (and the policy's). */
  Decision vet(ParsedHost host, Duration maxWait) {
    if (host.isLiteral()) {
      return blockingClass(host.literal(), null)
          .map(type -> Decision.refused(Verdict.ADDRESS_BLOCKED, type))
          .orElseGet(() -> new Decision(Verdict.ALLOWED, List.of(host.literal()), null));
    }
    String name = host.canonical();
    if (HostnameRules.isDenied(name) && !policy.allowsHost(name)) {
      return Decision.refused(Verdict.NAME_DENIED, null);
    }
    Optional<List<InetAddress>> answers = resolver.resolve(name, maxWait);
    if (answers.isEmpty()) {
      return Decision.refused(Verdict.UNRESOLVED, null);
    }
    if (answers.get().isEmpty()) {
      return Decision.refused(Verdict.NO_ANSWER, null);
    }
    for (InetAddress address : answers.get()) {
      Optional<AddressClass> blocked = blockingClass(address, name);
      if (blocked.isPresent()) {
        return Decision.refused(Verdict.ADDRESS_BLOCKED, blocked.get());
      }
    }
    return new Decision(Verdict.ALLOWED, answers.get(), null);
  }

  /**
   * The class that blocks {@code address}, or empty when it may be reached. {@code host} is the
   * name it was resolved from, or {@code null}; it matters only for allowlisted host patterns.
   */
  Optional<AddressClass> blockingClass(InetAddress address, String host) {
    if (address == null) {
      return Optional.of(AddressClass.UNSPECIFIED);
    }
    InetAddress subject = EmbeddedIpv4.unalias(address);
    AddressClass type = AddressClassifier.classify(subject);
    if (type == AddressClass.PUBLIC) {
      return Optional.empty();
    }
    if (type == AddressClass.LOOPBACK) {
      return policy.allowsLoopback(subject) ? Optional.empty() : Optional.of(type);
    }
    if (type.relaxable() && (policy.allowsAddress(subject) || policy.allowsHost(host))) {
      return Optional.empty();
    }
    return Optional.of(type);
  }
}
