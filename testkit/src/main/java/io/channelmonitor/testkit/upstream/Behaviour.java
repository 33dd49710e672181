package io.channelmonitor.testkit.upstream;

import io.channelmonitor.testkit.upstream.Step.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * How {@link FakeUpstream} answers a request: honestly, slowly, wrongly or brokenly. Immutable and
 * thread-safe; build one with the static factories and script it with {@link
 * FakeUpstream#script(String, Behaviour)}.
 *
 * <p>Behaviours combine two ways:
 *
 * <ul>
 *   <li>Delays add to any behaviour: {@code wrongAnswer().withFirstTokenDelay(ofMillis(500))}.
 *       {@link #slowHeaders(Duration)}, {@link #slowFirstToken(Duration)} and {@link
 *       #slowTotal(Duration)} are {@link #honest()} with one delay set.
 *   <li>{@link #then(Behaviour)} makes a sequence: {@code rateLimited(1).then(honest())} answers
 *       the first request of the model with a 429 and every later one honestly. Each step of a
 *       sequence serves one request; the last step serves all requests after that.
 * </ul>
 *
 * <p>Answer texts come from the challenge prompt in the request (see {@link ChallengeSolver}). Any
 * behaviour answers in the request's protocol and mode (streaming or not); behaviours that only
 * make sense for one mode say what they do in the other.
 */
public final class Behaviour {
  /** The default text of {@link #canned()}, also the honest answer to a prompt that is no quiz. */
  public static final String DEFAULT_CANNED_TEXT = ChallengeSolver.FALLBACK_REPLY;

  private final List<Step> steps;

  private Behaviour(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  private static Behaviour of(Step step) {
    return new Behaviour(List.of(step));
  }

  private static Behaviour of(Kind kind) {
    return of(Step.of(kind));
  }

  /**
   * A well-behaved provider: the right one-word answer to the challenge prompt ({@code Fox.}), or
   * {@code Hello! How can I help you today?} when the prompt is no quiz. Streams split the answer
   * into a few deltas.
   */
  public static Behaviour honest() {
    return of(Kind.HONEST);
  }

  /** {@link #honest()}, but the status line comes only after {@code delay}. */
  public static Behaviour slowHeaders(Duration delay) {
    return honest().withHeaderDelay(delay);
  }

  /**
   * {@link #honest()}, but slow to start answering. Streams send the headers at once and the first
   * event after {@code delay}; a non-streaming answer comes whole after {@code delay}.
   */
  public static Behaviour slowFirstToken(Duration delay) {
    return honest().withFirstTokenDelay(delay);
  }

  /**
   * {@link #honest()}, but slow to finish. Streams send the headers and the first text delta at
   * once and the rest after {@code delay}; a non-streaming answer comes whole after {@code delay}.
   */
  public static Behaviour slowTotal(Duration delay) {
    return honest().withTotalDelay(delay);
  }

  /**
   * Any status with {@code body} sent verbatim as {@code application/json} (no body for 204 and
   * 304).
   *
   * @param code 200 to 599
   */
  public static Behaviour status(int code, String body) {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("status must be 200..599: " + code);
    }
    return of(Step.of(Kind.STATUS, Objects.requireNonNull(body, "body"), code));
  }

  /** 429 with {@code Retry-After: retryAfterSeconds} and the provider's rate-limit error body. */
  public static Behaviour rateLimited(int retryAfterSeconds) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must be >= 0: " + retryAfterSeconds);
    }
    return of(Step.of(Kind.RATE_LIMITED, "", retryAfterSeconds));
  }

  /**
   * A fluent but wrong answer: another word of the asked category taken from the prompt's other
   * notes (another animal, place or colour), or {@code Banana.} when the prompt is no quiz.
   */
  public static Behaviour wrongAnswer() {
    return of(Kind.WRONG_ANSWER);
  }

  /** The whole prompt text back as the answer. */
  public static Behaviour echo() {
    return of(Kind.ECHO);
  }

  /** Always answers {@value #DEFAULT_CANNED_TEXT}, whatever the prompt. */
  public static Behaviour canned() {
    return canned(DEFAULT_CANNED_TEXT);
  }

  /** Always answers {@code text}, whatever the prompt. */
  public static Behaviour canned(String text) {
    return of(Step.of(Kind.CANNED, Objects.requireNonNull(text, "text"), 0));
  }

  /**
   * What a relay that answers arithmetic probes locally says: the result of the first {@code a + b}
   * or {@code a - b} in the prompt, or {@code 42} when there is none.
   */
  public static Behaviour arithmeticCheat() {
    return of(Kind.ARITHMETIC_CHEAT);
  }

  /**
   * 200 with a body that is not JSON (a completion cut in half). Streams send one {@code data:}
   * line with such JSON in place of the first text delta, then end normally.
   */
  public static Behaviour malformedJson() {
    return of(Kind.MALFORMED_JSON);
  }

  /**
   * 200 with {@code application/json} carrying the provider's error object instead of an answer,
   * also when a stream was asked for (some relays do that).
   */
  public static Behaviour errorInBody() {
    return of(Kind.ERROR_IN_BODY);
  }

  /**
   * Streams: one honest text delta, then the provider's error event, then the stream ends without
   * its end marker. Non-streaming requests get {@link #errorInBody()}.
   */
  public static Behaviour errorEventMidStream() {
    return of(Kind.ERROR_EVENT_MID_STREAM);
  }

  /**
   * Streams: one honest text delta, then the connection is closed without the end marker (Gemini,
   * which has no end marker, is cut in the middle of its next event). A non-streaming answer
   * declares its full length, sends half of it and closes the connection.
   */
  public static Behaviour truncatedStream() {
    return of(Kind.TRUNCATED_STREAM);
  }

  /**
   * 200 with a valid answer padded with {@code bytes} bytes of filler text after the honest word,
   * written piece by piece so the fake never holds it in memory. Streams send the padding as deltas
   * of 8 KiB. The body is a little larger than {@code bytes}.
   */
  public static Behaviour oversizedBody(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be positive: " + bytes);
    }
    return of(Step.of(Kind.OVERSIZED_BODY, "", bytes));
  }

  /**
   * Sends a 200 status line and headers, then not one byte more until the server closes (or the
   * builder's {@link FakeUpstream.Builder#maxStall(Duration) maxStall} passes). The fake cannot see
   * a client hang up while it stalls, so the handler thread waits for one of those two.
   */
  public static Behaviour stall() {
    return of(Kind.STALL);
  }

  /** 302 with {@code Location: location}. */
  public static Behaviour redirect(String location) {
    Objects.requireNonNull(location, "location");
    if (location.indexOf('\r') >= 0 || location.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("location must not contain CR or LF");
    }
    return of(Step.of(Kind.REDIRECT, location, 302));
  }

  /**
   * 401 whose provider-shaped error message quotes the API key the request carried, as some relays
   * do. Lets tests prove that error texts are redacted before they are stored or logged.
   */
  public static Behaviour echoKeyInError() {
    return of(Kind.ECHO_KEY_IN_ERROR);
  }

  /**
   * The honest answer after a reasoning part that names a wrong word: an Anthropic {@code thinking}
   * block, OpenAI {@code reasoning_content}, a Gemini part with {@code "thought":true}, a Responses
   * {@code reasoning} output item. A checker that reads the reasoning as the answer fails.
   */
  public static Behaviour thinkingThenAnswer() {
    return of(Kind.THINKING_THEN_ANSWER);
  }

  /** This behaviour with every step's status line delayed by {@code delay}. */
  public Behaviour withHeaderDelay(Duration delay) {
    return map(step -> step.withHeaderDelay(delay));
  }

  /**
   * This behaviour with every step slow to start: streams wait {@code delay} between the headers
   * and the first event; other answers wait before the status line.
   */
  public Behaviour withFirstTokenDelay(Duration delay) {
    return map(step -> step.withFirstTokenDelay(delay));
  }

  /**
   * This behaviour with every step slow to finish: streams wait {@code delay} after the first text
   * delta; other answers wait before the status line.
   */
  public Behaviour withTotalDelay(Duration delay) {
    return map(step -> step.withTotalDelay(delay));
  }

  /**
   * A sequence: this behaviour's steps first, one request each, then {@code next}'s. The last step
   * of the sequence serves every request after the others are used up.
   */
  public Behaviour then(Behaviour next) {
    Objects.requireNonNull(next, "next");
    List<Step> all = new ArrayList<>(steps);
    all.addAll(next.steps);
    return new Behaviour(all);
  }

  /** The step that serves the request with zero-based {@code index} among a model's requests. */
  Step step(int index) {
    return steps.get(Math.min(Math.max(index, 0), steps.size() - 1));
  }

  private Behaviour map(UnaryOperator<Step> change) {
    return new Behaviour(steps.stream().map(change).collect(Collectors.toList()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Behaviour behaviour && steps.equals(behaviour.steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  @Override
  public String toString() {
    return "Behaviour["
        + steps.stream().map(Step::toString).collect(Collectors.joining(" then "))
        + "]";
  }
}
