package io.channelmonitor.spring.boot.web;

import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turns every failure of the starter's controllers into the error envelope. The handlers are local
 * to these controllers (not a global advice), so the host's own error handling is left alone.
 */
abstract class ApiExceptionHandling {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandling.class);

  @ExceptionHandler(ChannelMonitorException.class)
  ResponseEntity<byte[]> onLibraryError(ChannelMonitorException e) {
    HttpStatus status = statusOf(e.reason());
    String message = e.getMessage();
    if (e.reason() == Reason.CHANNEL_MONITOR_STORE_FAILED) {
      log.warn("channel-monitor: request failed in the store", e);
      message = e.reason().defaultMessage();
    }
    return ApiResponses.error(status, e.reasonCode(), message);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> onUnexpected(Exception e) {
    if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
      HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
      return ApiResponses.error(status, Reason.VALIDATION_ERROR.name(), status.getReasonPhrase());
    }
    log.error("channel-monitor: request failed", e);
    return ApiResponses.error(HttpStatus.INTERNAL_SERVER_ERROR, "", "internal error");
  }

  /** The HTTP status of a reason: the seed's mapping, with the port's 403 and 409 cases. */
  static HttpStatus statusOf(Reason reason) {
    return switch (reason) {
      case CHANNEL_MONITOR_NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CHANNEL_MONITOR_CONFLICT, CHANNEL_MONITOR_RUN_IN_PROGRESS -> HttpStatus.CONFLICT;
      case CHANNEL_MONITOR_DISABLED -> HttpStatus.FORBIDDEN;
      case CHANNEL_MONITOR_KEY_DECRYPT_FAILED, CHANNEL_MONITOR_STORE_FAILED ->
          HttpStatus.INTERNAL_SERVER_ERROR;
      default -> HttpStatus.BAD_REQUEST;
    };
  }
}
