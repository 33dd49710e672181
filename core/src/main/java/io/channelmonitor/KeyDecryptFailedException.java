package io.channelmonitor;

/** The stored API key of a monitor cannot be decrypted, so the monitor is never probed. */
public class KeyDecryptFailedException extends ChannelMonitorException {
  private static final long serialVersionUID = 1L;

  public KeyDecryptFailedException(long monitorId) {
    super(
        Reason.CHANNEL_MONITOR_KEY_DECRYPT_FAILED,
        Reason.CHANNEL_MONITOR_KEY_DECRYPT_FAILED.defaultMessage()
            + " (monitor "
            + monitorId
            + ")");
  }
}
