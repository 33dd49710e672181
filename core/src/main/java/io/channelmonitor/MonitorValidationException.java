package io.channelmonitor;

/** Input was refused; nothing was stored or changed. Maps to HTTP 400. */
public class MonitorValidationException extends ChannelMonitorException {
  private static final long serialVersionUID = 1L;

  public MonitorValidationException(Reason reason) {
    super(reason, reason.defaultMessage());
  }

  public MonitorValidationException(Reason reason, String message) {
    super(reason, message);
  }
}
