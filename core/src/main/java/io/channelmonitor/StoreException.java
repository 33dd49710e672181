package io.channelmonitor;

/**
 * A store could not complete an operation (database unreachable, constraint violated). Stores wrap
 * their own failures in this type; the message names the operation, never a value.
 */
public class StoreException extends ChannelMonitorException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(Reason.CHANNEL_MONITOR_STORE_FAILED, message, cause);
  }
}
