package io.channelmonitor.spring.boot.web;

import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.Reason;

/** A request the REST layer refuses before it reaches the library: 400 with a reason code. */
final class BadRequestException extends MonitorValidationException {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(Reason.VALIDATION_ERROR, message);
  }

  BadRequestException(Reason reason) {
    super(reason);
  }
}
