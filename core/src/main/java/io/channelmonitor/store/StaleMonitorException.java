package io.channelmonitor.store;

import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.Reason;

/** An update was made from an old version of a monitor; nothing was written. Maps to HTTP 409. */
public class StaleMonitorException extends ChannelMonitorException {
  private static final long serialVersionUID = 1L;

  public StaleMonitorException(long monitorId) {
    super(
        Reason.CHANNEL_MONITOR_CONFLICT,
        "monitor " + monitorId + " was changed concurrently; read it again and retry");
  }
}
