package io.channelmonitor.testkit.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/** Plays a scripted step: errors and whole answers here, event streams in {@link StreamPlayer}. */
final class BehaviourPlayer {
  static final String SERVER_ERROR_MESSAGE =
      "The server had an error while processing your request.";

  private final Duration maxStall;
  private final StreamPlayer streams = new StreamPlayer();

  BehaviourPlayer(Duration maxStall) {
    this.maxStall = Objects.requireNonNull(maxStall, "maxStall");
  }

  void play(Turn turn) throws IOException {
    Step step = turn.step();
    switch (step.kind()) {
      case STATUS -> whole(turn, step.number(), step.text(), Map.of());
      case RATE_LIMITED ->
          whole(
              turn,
              429,
              turn.error(ErrorKind.RATE_LIMITED, "Rate limit reached. Please try again later."),
              Map.of("Retry-After", Integer.toString(step.number())));
      case REDIRECT -> whole(turn, 302, "{}", Map.of("Location", step.text()));
      case ECHO_KEY_IN_ERROR ->
          whole(
              turn,
              401,
              turn.error(
                  ErrorKind.UNAUTHENTICATED, "Incorrect API key provided: " + turn.apiKey() + "."),
              Map.of());
      case ERROR_IN_BODY -> serverErrorIn200(turn);
      case STALL -> stall(turn);
      default -> {
        if (turn.streaming()) {
          streams.play(turn);
        } else {
          answer(turn);
        }
      }
    }
  }

  /** A non-streaming answer, possibly broken the way the step says. */
  private void answer(Turn turn) throws IOException {
    Step step = turn.step();
    Reply reply = Replies.of(step, turn.prompt());
    String json = turn.protocol().completion(turn.call(), reply).toString();
    switch (step.kind()) {
      case ERROR_EVENT_MID_STREAM -> serverErrorIn200(turn);
      case MALFORMED_JSON -> whole(turn, 200, json.substring(0, json.length() / 2), Map.of());
      case TRUNCATED_STREAM -> truncated(turn, json);
      default -> {
        if (reply.padded()) {
          padded(turn, json, reply.paddingBytes());
        } else {
          whole(turn, 200, json, Map.of());
        }
      }
    }
  }

  private static void whole(Turn turn, int status, String body, Map<String, String> headers)
      throws IOException {
    AbortConnection.pause(turn.step().delayBeforeWholeAnswer());
    turn.out().json(status, body, headers);
    turn.out().finish();
  }

  private static void serverErrorIn200(Turn turn) throws IOException {
    whole(turn, 200, turn.error(ErrorKind.SERVER, SERVER_ERROR_MESSAGE), Map.of());
  }

  /** Declares the whole length, sends half and drops the connection. */
  private static void truncated(Turn turn, String json) throws IOException {
    AbortConnection.pause(turn.step().delayBeforeWholeAnswer());
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    turn.out().startFixed(200, HttpOut.JSON, bytes.length);
    turn.out().send(Arrays.copyOf(bytes, bytes.length / 2));
    throw AbortConnection.afterLinger("truncated on purpose");
  }

  /** Writes {@code json} with each padding mark replaced by the filler, piece by piece. */
  private static void padded(Turn turn, String json, long paddingBytes) throws IOException {
    AbortConnection.pause(turn.step().delayBeforeWholeAnswer());
    String[] segments = json.split(Reply.PADDING_MARK, -1);
    long length = (segments.length - 1) * paddingBytes;
    for (String segment : segments) {
      length += segment.getBytes(StandardCharsets.UTF_8).length;
    }
    turn.out().startFixed(200, HttpOut.JSON, length);
    for (int i = 0; i < segments.length; i++) {
      turn.out().write(segments[i].getBytes(StandardCharsets.UTF_8));
      if (i < segments.length - 1) {
        Iterator<String> filler = Reply.filler(paddingBytes);
        while (filler.hasNext()) {
          turn.out().write(filler.next().getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
    turn.out().finish();
  }

  /** Sends the headers, then nothing until the server closes or {@code maxStall} passes. */
  private void stall(Turn turn) throws IOException {
    AbortConnection.pause(turn.step().headerDelay());
    turn.out().startChunked(200, turn.streaming() ? HttpOut.EVENT_STREAM : HttpOut.JSON);
    AbortConnection.pause(maxStall);
    throw new AbortConnection("stalled for " + maxStall);
  }
}
