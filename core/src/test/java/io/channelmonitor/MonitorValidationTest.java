package io.channelmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every create rule, one row each: the reason code, and that nothing was stored. */
class MonitorValidationTest {
  private ChannelMonitor channelMonitor;

  @BeforeEach
  void setUp() {
    channelMonitor = TestMonitors.channelMonitor();
  }

  @AfterEach
  void tearDown() {
    channelMonitor.close();
  }

  static Stream<Arguments> refusedDrafts() {
    return Stream.of(
        row("name missing", b -> b.name(null), Reason.VALIDATION_ERROR),
        row("name blank", b -> b.name("   "), Reason.VALIDATION_ERROR),
        row("name too long", b -> b.name("n".repeat(101)), Reason.VALIDATION_ERROR),
        row("name with a line break", b -> b.name("a\nb"), Reason.VALIDATION_ERROR),
        row("name with NUL", b -> b.name("a\u0000b"), Reason.VALIDATION_ERROR),
        row("name with a lone surrogate", b -> b.name("a\uD800b"), Reason.VALIDATION_ERROR),
        row("model with a tab", b -> b.primaryModel("gpt\t4"), Reason.VALIDATION_ERROR),
        row("group with DEL", b -> b.groupName("g\u007F"), Reason.VALIDATION_ERROR),
        row("key with CR LF", b -> b.apiKey("sk-abc\r\nX-Evil: 1"), Reason.VALIDATION_ERROR),
        row("key with a space", b -> b.apiKey("sk-abc def"), Reason.VALIDATION_ERROR),
        row("key with a lone surrogate", b -> b.apiKey("sk-\uD800abc"), Reason.VALIDATION_ERROR),
        row(
            "key and model both missing: the key is reported",
            b -> b.apiKey(null).primaryModel(null),
            Reason.CHANNEL_MONITOR_MISSING_API_KEY),
        row("provider missing", b -> b.provider(null), Reason.CHANNEL_MONITOR_INVALID_PROVIDER),
        row("provider unknown", b -> b.provider("grok"), Reason.CHANNEL_MONITOR_INVALID_PROVIDER),
        row("interval 14", b -> b.intervalSeconds(14), Reason.CHANNEL_MONITOR_INVALID_INTERVAL),
        row("interval 0", b -> b.intervalSeconds(0), Reason.CHANNEL_MONITOR_INVALID_INTERVAL),
        row("interval 3601", b -> b.intervalSeconds(3601), Reason.CHANNEL_MONITOR_INVALID_INTERVAL),
        row("jitter negative", b -> b.jitterSeconds(-1), Reason.CHANNEL_MONITOR_INVALID_JITTER),
        row(
            "interval - jitter < 15",
            b -> b.intervalSeconds(60).jitterSeconds(46),
            Reason.CHANNEL_MONITOR_INVALID_JITTER),
        row(
            "api mode unknown",
            b -> b.apiMode("assistants"),
            Reason.CHANNEL_MONITOR_INVALID_API_MODE),
        row(
            "responses for anthropic",
            b -> b.provider("anthropic").apiMode("responses"),
            Reason.CHANNEL_MONITOR_INVALID_API_MODE),
        row("endpoint missing", b -> b.endpoint(null), Reason.CHANNEL_MONITOR_INVALID_ENDPOINT),
        row("endpoint blank", b -> b.endpoint(" "), Reason.CHANNEL_MONITOR_INVALID_ENDPOINT),
        row(
            "endpoint too long",
            b -> b.endpoint("https://a.example/" + "p".repeat(500)),
            Reason.VALIDATION_ERROR),
        row(
            "endpoint http",
            b -> b.endpoint("http://api.openai.com"),
            Reason.CHANNEL_MONITOR_ENDPOINT_SCHEME),
        row(
            "endpoint query",
            b -> b.endpoint("https://api.openai.com/?x=1"),
            Reason.CHANNEL_MONITOR_ENDPOINT_PATH),
        row(
            "endpoint private",
            b -> b.endpoint("https://10.0.0.1"),
            Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE),
        row(
            "endpoint metadata",
            b -> b.endpoint("https://169.254.169.254"),
            Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE),
        row("key missing", b -> b.apiKey(null), Reason.CHANNEL_MONITOR_MISSING_API_KEY),
        row("key blank", b -> b.apiKey("  \t "), Reason.CHANNEL_MONITOR_MISSING_API_KEY),
        row("key too long", b -> b.apiKey("k".repeat(2001)), Reason.VALIDATION_ERROR),
        row(
            "primary model missing",
            b -> b.primaryModel(null),
            Reason.CHANNEL_MONITOR_MISSING_PRIMARY_MODEL),
        row(
            "primary model blank",
            b -> b.primaryModel(" "),
            Reason.CHANNEL_MONITOR_MISSING_PRIMARY_MODEL),
        row(
            "primary model too long",
            b -> b.primaryModel("m".repeat(201)),
            Reason.VALIDATION_ERROR),
        row(
            "21 extra models",
            b -> b.extraModels(IntStream.range(0, 21).mapToObj(i -> "model-" + i).toList()),
            Reason.CHANNEL_MONITOR_INVALID_EXTRA_MODELS),
        row(
            "extra model too long",
            b -> b.extraModels(List.of("m".repeat(201))),
            Reason.CHANNEL_MONITOR_INVALID_EXTRA_MODELS),
        row("group too long", b -> b.groupName("g".repeat(101)), Reason.VALIDATION_ERROR),
        row(
            "body mode unknown",
            b -> b.bodyOverrideMode("append"),
            Reason.CHANNEL_MONITOR_TEMPLATE_INVALID_BODY_MODE),
        row(
            "merge without body",
            b -> b.bodyOverrideMode("merge"),
            Reason.CHANNEL_MONITOR_TEMPLATE_BODY_REQUIRED),
        row(
            "replace with empty object",
            body("replace", "{}"),
            Reason.CHANNEL_MONITOR_TEMPLATE_BODY_REQUIRED),
        row(
            "body not JSON",
            body("merge", "{max_tokens: 5"),
            Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY),
        row(
            "body with trailing data",
            body("merge", "{\"a\":1} {\"b\":2}"),
            Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY),
        row(
            "body with a lone surrogate",
            body("merge", "{\"s\":\"\\ud800\"}"),
            Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY),
        row(
            "literal key in a credential header",
            header("x-api-key", "sk-ant-secret-value-123"),
            forbidden()),
        row(
            "literal key in Azure's api-key header",
            header("api-key", "0123456789abcdef"),
            forbidden()),
        row(
            "header value with a control character",
            header("X-A", "v\u0001"),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_VALUE),
        row(
            "body a JSON array",
            body("merge", "[1,2]"),
            Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY),
        row(
            "replace chat body without messages",
            body("replace", "{\"model\":\"x\"}"),
            Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY),
        row(
            "replace responses body without input",
            b -> b.apiMode("responses").bodyOverrideMode("replace").bodyOverride("{\"x\":1}"),
            Reason.CHANNEL_MONITOR_INVALID_REQUEST_BODY),
        row(
            "header name with space",
            header("X Custom", "v"),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_NAME),
        row(
            "header name with colon",
            header("X-A:", "v"),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_NAME),
        row(
            "header name empty",
            header("", "v"),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_NAME),
        row(
            "header names equal ignoring case",
            b -> b.extraHeaders(orderedHeaders("X-App", "a", "x-app", "b")),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_NAME),
        row("header host", header("Host", "x"), forbidden()),
        row("header content-length", header("Content-Length", "1"), forbidden()),
        row("header content-encoding", header("content-encoding", "gzip"), forbidden()),
        row("header transfer-encoding", header("Transfer-Encoding", "chunked"), forbidden()),
        row("header connection", header("CONNECTION", "close"), forbidden()),
        row(
            "header value with CR",
            header("X-A", "v\rInjected: 1"),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_VALUE),
        row(
            "header value with LF",
            header("X-A", "v\nInjected: 1"),
            Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_VALUE),
        row("51 headers", b -> b.extraHeaders(manyHeaders(51)), Reason.VALIDATION_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedDrafts")
  void refusesWithTheSeedReasonAndStoresNothing(
      String description, UnaryOperator<MonitorDraft.Builder> change, Reason expected) {
    MonitorDraft draft = change.apply(TestMonitors.draft()).build();

    assertThatThrownBy(() -> channelMonitor.monitors().create(draft))
        .isInstanceOf(MonitorValidationException.class)
        .satisfies(e -> assertThat(((ChannelMonitorException) e).reason()).isEqualTo(expected))
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain(TestMonitors.KEY));
    assertThat(channelMonitor.monitors().list(MonitorQuery.all()).total()).isZero();
  }

  private static Arguments row(
      String description, UnaryOperator<MonitorDraft.Builder> change, Reason expected) {
    return Arguments.of(description, change, expected);
  }

  /** Sets one extra header. */
  private static UnaryOperator<MonitorDraft.Builder> header(String name, String value) {
    return b -> b.extraHeaders(Map.of(name, value));
  }

  /** Sets the body override mode and body. */
  private static UnaryOperator<MonitorDraft.Builder> body(String mode, String json) {
    return b -> b.bodyOverrideMode(mode).bodyOverride(json);
  }

  private static Reason forbidden() {
    return Reason.CHANNEL_MONITOR_TEMPLATE_HEADER_FORBIDDEN;
  }

  private static Map<String, String> orderedHeaders(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(headers);
  }

  private static Map<String, String> manyHeaders(int count) {
    Map<String, String> headers = new LinkedHashMap<>();
    IntStream.range(0, count).forEach(i -> headers.put("X-H" + i, "v"));
    return headers;
  }
}
