package io.channelmonitor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerReaderTest {
  @Test
  void errorBodiesAreCollapsedAndCutToThreeHundredChars() {
    String snippet = AnswerReader.snippet("{\n  \"error\":   \"x\"\n}" + " word".repeat(200));

    assertThat(snippet).startsWith("{ \"error\": \"x\" } word word").hasSize(300);
    assertThat(snippet).endsWith("...(body truncated)");
    assertThat(AnswerReader.snippet("  short\tbody\n")).isEqualTo("short body");
  }

  @ParameterizedTest
  @CsvSource({
    "301, '', REDIRECT",
    "302, '', REDIRECT",
    "401, '', AUTH",
    "403, '', AUTH",
    "404, '', MODEL_NOT_FOUND",
    "400, 'The model `gpt-x` does not exist', MODEL_NOT_FOUND",
    "400, '{\"code\":\"model_not_found\"}', MODEL_NOT_FOUND",
    "422, 'Unknown model: foo', MODEL_NOT_FOUND",
    "400, 'max_tokens is too large', CLIENT_ERROR",
    "429, '', RATE_LIMITED",
    "500, '', UPSTREAM_5XX",
    "503, '', UPSTREAM_5XX",
    "101, '', PROTOCOL",
  })
  void statusesMapToTheKindACallerCanActOn(int status, String body, FailureKind kind) {
    assertThat(HttpStatusKinds.kindOf(status, body)).isEqualTo(kind);
  }
}
