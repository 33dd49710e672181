package io.channelmonitor;

import java.util.Objects;

/**
 * Base of every error the library raises on purpose. {@link #reason()} is a stable code a caller
 * can switch on or send to a front end; the message never contains a secret.
 */
public class ChannelMonitorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public ChannelMonitorException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ChannelMonitorException(Reason reason, String message, Throwable cause) {
    super(message == null ? reason.defaultMessage() : message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The reason code, named as in the seed system (for example {@code CHANNEL_MONITOR_NOT_FOUND}).
   */
  public Reason reason() {
    return reason;
  }

  /** The reason code as its wire string. */
  public String reasonCode() {
    return reason.name();
  }
}
