package io.channelmonitor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.Reason;
import io.channelmonitor.StoreException;
import io.channelmonitor.store.StaleMonitorException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** The reason-to-status table and the error envelope. */
class ApiExceptionHandlingTest {
  private final ApiExceptionHandling handling = new ApiExceptionHandling() {};

  @Test
  void everyReasonHasTheDocumentedStatus() {
    for (Reason reason : Reason.values()) {
      HttpStatus expected =
          switch (reason) {
            case CHANNEL_MONITOR_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CHANNEL_MONITOR_CONFLICT, CHANNEL_MONITOR_RUN_IN_PROGRESS -> HttpStatus.CONFLICT;
            case CHANNEL_MONITOR_DISABLED -> HttpStatus.FORBIDDEN;
            case CHANNEL_MONITOR_KEY_DECRYPT_FAILED, CHANNEL_MONITOR_STORE_FAILED ->
                HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
          };
      assertThat(ApiExceptionHandling.statusOf(reason)).as(reason.name()).isEqualTo(expected);
    }
  }

  @Test
  void aStaleUpdateIsAConflictWithItsReason() throws Exception {
    JsonNode body = body(handling.onLibraryError(new StaleMonitorException(3)));
    assertThat(body.path("code").asInt()).isEqualTo(409);
    assertThat(body.path("reason").asText()).isEqualTo("CHANNEL_MONITOR_CONFLICT");
  }

  @Test
  void aStoreFailureIsA500WithTheReasonButNotTheDetails() throws Exception {
    ResponseEntity<byte[]> answer =
        handling.onLibraryError(new StoreException("insert monitor (SQLState 23505)", null));
    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    JsonNode body = body(answer);
    assertThat(body.path("reason").asText()).isEqualTo("CHANNEL_MONITOR_STORE_FAILED");
    assertThat(body.path("message").asText()).doesNotContain("23505");
  }

  @Test
  void aLibraryErrorKeepsItsMessage() throws Exception {
    JsonNode body =
        body(
            handling.onLibraryError(
                new ChannelMonitorException(Reason.CHANNEL_MONITOR_DISABLED, null)));
    assertThat(body.path("code").asInt()).isEqualTo(403);
    assertThat(body.path("message").asText()).isEqualTo("channel monitor is disabled");
  }

  @Test
  void frameworkClientErrorsKeepTheirStatusAndUnexpectedErrorsSayNothing() throws Exception {
    ResponseEntity<byte[]> method =
        handling.onUnexpected(new HttpRequestMethodNotSupportedException("PATCH"));
    assertThat(method.getStatusCode().value()).isEqualTo(405);
    assertThat(body(method).path("reason").asText()).isEqualTo("VALIDATION_ERROR");
    ResponseEntity<byte[]> boom = handling.onUnexpected(new IllegalStateException("secret detail"));
    assertThat(boom.getStatusCode().value()).isEqualTo(500);
    assertThat(body(boom).path("message").asText()).isEqualTo("internal error");
    assertThat(new String(boom.getBody(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("secret detail");
  }

  private static JsonNode body(ResponseEntity<byte[]> answer) throws Exception {
    return new ObjectMapper().readTree(answer.getBody());
  }
}
