package io.channelmonitor.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one 2xx probe answer per provider, as the library does once the status line has arrived:
 * content type, body bytes to JSON (or SSE framing and one JSON document per event), the checker's
 * parse, the answer text. The answer reader is package-private, so this class lives in its package
 * (in the benchmarks module only); the HTTP exchange is left out, the body comes from memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResponseParsingBenchmark {
  /** Provider and framing: {@code openai-json}, {@code gemini-sse}, ... */
  @Param({
    "openai-json",
    "openai-sse",
    "anthropic-json",
    "anthropic-sse",
    "gemini-json",
    "gemini-sse"
  })
  public String answer;

  private AnswerReader reader;
  private ChannelChecker checker;
  private byte[] body;
  private String contentType;

  @Setup
  public void setUp() throws IOException {
    String provider = answer.substring(0, answer.indexOf('-'));
    boolean sse = answer.endsWith("-sse");
    checker =
        switch (provider) {
          case "openai" -> new OpenAiChecker();
          case "anthropic" -> new AnthropicChecker();
          default -> new GeminiChecker();
        };
    body = sample(provider, sse).getBytes(StandardCharsets.UTF_8);
    contentType = sse ? "text/event-stream; charset=utf-8" : "application/json";
    reader = new AnswerReader(System::nanoTime);
    Outcome outcome = (Outcome) parse();
    if (!outcome.isAnswer() || !outcome.text().startsWith("Fox")) {
      throw new IllegalStateException(answer + " did not parse to the answer: " + outcome);
    }
  }

  /** One answer read and parsed; returns the outcome for JMH to consume. */
  @Benchmark
  public Object parse() throws IOException {
    return reader.read(new MemoryResponse(contentType, body), checker);
  }

  private static String sample(String provider, boolean sse) {
    return switch (provider) {
      case "openai" -> sse ? ProviderAnswers.OPENAI_SSE : ProviderAnswers.OPENAI_JSON;
      case "anthropic" -> sse ? ProviderAnswers.ANTHROPIC_SSE : ProviderAnswers.ANTHROPIC_JSON;
      default -> sse ? ProviderAnswers.GEMINI_SSE : ProviderAnswers.GEMINI_JSON;
    };
  }

  /** A 200 answer whose body is a byte array. */
  private static final class MemoryResponse implements ProbeResponse {
    private final String contentType;
    private final InputStream body;

    MemoryResponse(String contentType, byte[] body) {
      this.contentType = contentType;
      this.body = new ByteArrayInputStream(body);
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public Optional<String> header(String name) {
      return name.equalsIgnoreCase("Content-Type") ? Optional.of(contentType) : Optional.empty();
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public boolean truncated() {
      return false;
    }
  }
}
