package io.channelmonitor;

/** No monitor has the given id. Maps to HTTP 404. */
public class MonitorNotFoundException extends ChannelMonitorException {
  private static final long serialVersionUID = 1L;

  private final long monitorId;

  public MonitorNotFoundException(long monitorId) {
    super(Reason.CHANNEL_MONITOR_NOT_FOUND, Reason.CHANNEL_MONITOR_NOT_FOUND.defaultMessage());
    this.monitorId = monitorId;
  }

  public long monitorId() {
    return monitorId;
  }
}
