package io.channelmonitor.testkit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ApiMode;
import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status and failure kind, reached through the fake upstream over HTTPS, for each provider
 * (OpenAI chat, OpenAI Responses, Anthropic, Gemini), streamed and not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeMatrixTest {
  static final String KEY = "zz9-matrix-key-7f3a9c2e41d0b5";
  static final Duration TIMEOUT = Duration.ofMillis(1500);
  static final Duration DEGRADED = Duration.ofMillis(700);

  private FakeUpstream upstream;
  private ChannelMonitor channelMonitor;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @BeforeAll
  void start() {
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(
        new PrintStream(new TeeStream(originalErr, printed), true, StandardCharsets.UTF_8));
    System.setOut(
        new PrintStream(new TeeStream(originalOut, printed), true, StandardCharsets.UTF_8));
    upstream = FakeUpstream.builder().https(true).build();
    channelMonitor = loopbackMonitor(upstream, TIMEOUT, DEGRADED);
  }

  @AfterAll
  void stop() {
    channelMonitor.close();
    upstream.close();
    System.setErr(originalErr);
    System.setOut(originalOut);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .as("everything printed while probing")
        .doesNotContain(KEY)
        .doesNotContain(KEY.substring(4, 16));
  }

  static ChannelMonitor loopbackMonitor(
      FakeUpstream upstream, Duration timeout, Duration degraded) {
    return ChannelMonitor.builder()
        .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
        .sslContext(upstream.clientSslContext())
        .settings(
            ChannelMonitorSettings.builder()
                .requestTimeout(timeout)
                .degradedThreshold(degraded)
                .pingTimeout(Duration.ofSeconds(2))
                .build())
        .build();
  }

  static Stream<ProbeScenario> scenarios() {
    List<ProbeScenario> rows = new ArrayList<>();
    String[][] flavours = {
      {"openai", "chat_completions"},
      {"openai", "responses"},
      {"anthropic", "chat_completions"},
      {"gemini", "chat_completions"}
    };
    for (String[] flavour : flavours) {
      for (boolean stream : new boolean[] {false, true}) {
        ApiMode mode = ApiMode.valueOf(flavour[1].toUpperCase(java.util.Locale.ROOT));
        Row row = new Row(rows, flavour[0], mode, stream);
        row.add("honest", Behaviour::honest, CheckStatus.OPERATIONAL, FailureKind.NONE);
        row.add(
            "thinking", Behaviour::thinkingThenAnswer, CheckStatus.OPERATIONAL, FailureKind.NONE);
        row.add(
            "slow",
            () -> Behaviour.slowTotal(Duration.ofMillis(900)),
            CheckStatus.DEGRADED,
            FailureKind.NONE);
        row.add(
            "500",
            () -> Behaviour.status(500, "{\"error\":{\"message\":\"boom\"}}"),
            CheckStatus.ERROR,
            FailureKind.UPSTREAM_5XX);
        row.add(
            "401",
            () -> Behaviour.status(401, "{\"error\":{\"message\":\"bad key\"}}"),
            CheckStatus.ERROR,
            FailureKind.AUTH);
        row.add("403", () -> Behaviour.status(403, "{}"), CheckStatus.ERROR, FailureKind.AUTH);
        row.add(
            "404",
            () -> Behaviour.status(404, "{\"error\":{\"message\":\"no such model\"}}"),
            CheckStatus.ERROR,
            FailureKind.MODEL_NOT_FOUND);
        row.add(
            "400-model",
            () ->
                Behaviour.status(400, "{\"error\":{\"message\":\"The model `x` does not exist\"}}"),
            CheckStatus.ERROR,
            FailureKind.MODEL_NOT_FOUND);
        row.add(
            "400",
            () -> Behaviour.status(400, "{\"error\":{\"message\":\"max_tokens too large\"}}"),
            CheckStatus.ERROR,
            FailureKind.CLIENT_ERROR);
        row.add(
            "429", () -> Behaviour.rateLimited(30), CheckStatus.ERROR, FailureKind.RATE_LIMITED);
        row.add(
            "wrong", Behaviour::wrongAnswer, CheckStatus.FAILED, FailureKind.CHALLENGE_MISMATCH);
        row.add("echo", Behaviour::echo, CheckStatus.FAILED, FailureKind.CHALLENGE_MISMATCH);
        row.add("canned", Behaviour::canned, CheckStatus.FAILED, FailureKind.CHALLENGE_MISMATCH);
        row.add(
            "arithmetic",
            Behaviour::arithmeticCheat,
            CheckStatus.FAILED,
            FailureKind.CHALLENGE_MISMATCH);
        row.add("empty", () -> Behaviour.canned(""), CheckStatus.FAILED, FailureKind.EMPTY_ANSWER);
        row.add("malformed", Behaviour::malformedJson, CheckStatus.ERROR, FailureKind.PROTOCOL);
        row.add(
            "error-in-body", Behaviour::errorInBody, CheckStatus.ERROR, FailureKind.ERROR_IN_BODY);
        row.add(
            "oversized",
            () -> Behaviour.oversizedBody(1 << 20),
            CheckStatus.ERROR,
            FailureKind.PROTOCOL);
        row.add("stall", Behaviour::stall, CheckStatus.ERROR, FailureKind.TIMEOUT);
        row.add(
            "slow-headers",
            () -> Behaviour.slowHeaders(Duration.ofSeconds(4)),
            CheckStatus.ERROR,
            FailureKind.TIMEOUT);
        row.add(
            "redirect",
            () -> Behaviour.redirect("https://10.0.0.1/v1/chat/completions"),
            CheckStatus.ERROR,
            FailureKind.REDIRECT);
        row.add("key-echo", Behaviour::echoKeyInError, CheckStatus.ERROR, FailureKind.AUTH);
        if (stream) {
          row.add(
              "error-event",
              Behaviour::errorEventMidStream,
              CheckStatus.ERROR,
              FailureKind.ERROR_IN_BODY);
          row.add("truncated", Behaviour::truncatedStream, CheckStatus.ERROR, FailureKind.PROTOCOL);
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theVerdictNamesWhatHappened(ProbeScenario scenario) {
    upstream.script(scenario.model(), scenario.behaviour().get());
    Monitor monitor =
        channelMonitor
            .monitors()
            .create(
                MonitorDraft.builder()
                    .name(scenario.toString())
                    .provider(scenario.provider())
                    .apiMode(scenario.apiMode())
                    .endpoint(upstream.endpoint())
                    .apiKey(KEY)
                    .primaryModel(scenario.model())
                    .stream(scenario.stream())
                    .build());

    CheckResult result = channelMonitor.monitors().runNow(monitor.id()).get(0);

    assertThat(result.status()).as(result.message()).isEqualTo(scenario.status());
    assertThat(result.failureKind()).as(result.message()).isEqualTo(scenario.kind());
    assertThat(result.model()).isEqualTo(scenario.model());
    assertThat(result.message()).doesNotContain(KEY).doesNotContain(KEY.substring(4, 16));
    assertThat(result.latencyMs()).isLessThan(TIMEOUT.toMillis() + 3000);
    assertThat(result.pingLatencyMs()).isNotNull();
    if (scenario.status() == CheckStatus.OPERATIONAL) {
      assertThat(result.message()).isEmpty();
      assertThat(result.firstTokenLatencyMs() != null).isEqualTo(scenario.stream());
    }
    if (scenario.kind() == FailureKind.RATE_LIMITED) {
      assertThat(result.message()).contains("Retry-After: 30");
    }
    assertThat(channelMonitor.monitors().history(monitor.id(), null, 10))
        .singleElement()
        .satisfies(row -> assertThat(row.result()).isEqualTo(result));
    assertThat(channelMonitor.monitors().get(monitor.id()).lastCheckedAt()).isNotNull();
  }

  /** Writes to the console and keeps a copy, to search what the library printed. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream console;
    private final ByteArrayOutputStream copy;

    TeeStream(OutputStream console, ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      console.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      console.write(b, off, len);
      copy.write(b, off, len);
    }
  }

  /** Adds the rows of one provider flavour. */
  private record Row(List<ProbeScenario> rows, String provider, ApiMode mode, boolean stream) {
    void add(String name, Supplier<Behaviour> behaviour, CheckStatus status, FailureKind kind) {
      rows.add(new ProbeScenario(provider, mode, stream, name, behaviour, status, kind));
    }
  }
}
