package io.channelmonitor;

import java.util.Objects;

/**
 * A store could not complete an operation (database unreachable, constraint violated). Stores wrap
 * their own failures in this type; the message names the operation, never a value. {@link #kind()}
 * tells a caller whether trying again later can help.
 */
public class StoreException extends ChannelMonitorException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure it was. */
  public enum Kind {
    /** The database could not be reached or gave up (connection, timeout, deadlock): retry. */
    UNAVAILABLE,
    /** The database refused a value (too long, constraint): retrying the same data fails again. */
    REFUSED_VALUE,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;

  public StoreException(String message, Throwable cause) {
    this(Kind.OTHER, message, cause);
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(Reason.CHANNEL_MONITOR_STORE_FAILED, message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
