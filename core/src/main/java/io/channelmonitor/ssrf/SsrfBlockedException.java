package io.channelmonitor.ssrf;

import io.channelmonitor.Reason;
import java.io.IOException;
import java.util.Objects;

/**
 * A connection the {@link SsrfGuard} refused. The message is fixed text: it never names the host or
 * an address, so it can be shown or stored as is.
 */
public final class SsrfBlockedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /**
   * @param reason {@link Reason#CHANNEL_MONITOR_ENDPOINT_PRIVATE} for a blocked destination, {@link
   *     Reason#CHANNEL_MONITOR_ENDPOINT_UNREACHABLE} when the name did not resolve in time, {@link
   *     Reason#CHANNEL_MONITOR_INVALID_ENDPOINT} for a host that is not in canonical form
   */
  public SsrfBlockedException(Reason reason) {
    super(messageFor(Objects.requireNonNull(reason, "reason")));
    this.reason = reason;
  }

  /** Why the connection was refused; lets a transport tell "blocked" from "did not resolve". */
  public Reason reason() {
    return reason;
  }

  private static String messageFor(Reason reason) {
    return switch (reason) {
      case CHANNEL_MONITOR_ENDPOINT_UNREACHABLE -> "destination host could not be resolved";
      case CHANNEL_MONITOR_INVALID_ENDPOINT -> "destination host is not in canonical form";
      default -> "destination blocked by the SSRF policy";
    };
  }
}
