package io.channelmonitor.spring.boot.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelmonitor.spring.boot.view.JsonViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The seed's envelope: {@code {code: 0, message: "success", data}} on success ({@code data} left
 * out when there is none) and {@code {code: <http status>, message, reason}} on error. Bodies are
 * written by the starter's own mapper, so they do not depend on the host's JSON setup.
 */
final class ApiResponses {
  private ApiResponses() {}

  /** 200 with {@code data}. */
  static ResponseEntity<byte[]> ok(Object data) {
    return json(HttpStatus.OK, new Success(0, "success", data));
  }

  /** 201 with {@code data}. */
  static ResponseEntity<byte[]> created(Object data) {
    return json(HttpStatus.CREATED, new Success(0, "success", data));
  }

  /** An error with its HTTP status as {@code code}. */
  static ResponseEntity<byte[]> error(HttpStatus status, String reason, String message) {
    return json(status, new Failure(status.value(), message, reason));
  }

  private static ResponseEntity<byte[]> json(HttpStatus status, Object body) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(JsonViews.write(body));
  }

  /** The success envelope. */
  record Success(
      @JsonProperty("code") int code,
      @JsonProperty("message") String message,
      @JsonProperty("data") @JsonInclude(JsonInclude.Include.NON_NULL) Object data) {}

  /** The error envelope; {@code reason} is the library's reason code, or empty. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Failure(
      @JsonProperty("code") int code,
      @JsonProperty("message") String message,
      @JsonProperty("reason") String reason) {}
}
