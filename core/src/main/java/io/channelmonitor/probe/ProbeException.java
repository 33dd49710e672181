package io.channelmonitor.probe;

import io.channelmonitor.FailureKind;
import java.util.Objects;

/**
 * A probe request that got no HTTP answer (or lost it midway): blocked by the SSRF guard, could not
 * connect, TLS failed, timed out, or the answer broke off. The message names what happened and
 * never carries a key or a resolved internal address.
 */
public class ProbeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;

  public ProbeException(FailureKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * {@link FailureKind#BLOCKED}, {@code CONNECT}, {@code TLS}, {@code TIMEOUT} or {@code PROTOCOL}.
   */
  public FailureKind kind() {
    return kind;
  }
}
