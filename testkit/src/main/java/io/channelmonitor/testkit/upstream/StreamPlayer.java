package io.channelmonitor.testkit.upstream;

import io.channelmonitor.testkit.upstream.SseEvent.Part;
import io.channelmonitor.testkit.upstream.Step.Kind;
import java.io.IOException;
import java.util.Arrays;

/**
 * Plays a step as an event stream: the protocol writes its events, and a sink between them and the
 * client applies the step's delays and breakage around the first text delta.
 */
final class StreamPlayer {
  void play(Turn turn) throws IOException {
    AbortConnection.pause(turn.step().headerDelay());
    turn.out().startChunked(200, HttpOut.EVENT_STREAM);
    Sink sink = new Sink(turn);
    turn.protocol().stream(turn.call(), Replies.of(turn.step(), turn.prompt()), sink);
    sink.finish();
    turn.out().finish();
  }

  /** Not thread-safe: one per stream. */
  private static final class Sink implements EventSink {
    private final Turn turn;
    private final String lineEnd;
    private boolean started;
    private boolean sawText;
    private boolean cutNext;
    private boolean done;
    private int sent;

    Sink(Turn turn) {
      this.turn = turn;
      this.lineEnd = turn.protocol().lineEnd();
    }

    @Override
    public void emit(SseEvent event) throws IOException {
      if (done) {
        return;
      }
      if (!started) {
        started = true;
        AbortConnection.pause(turn.step().firstTokenDelay());
      }
      if (cutNext) {
        cut(event);
      }
      if (event.part() == Part.TEXT && !sawText) {
        sawText = true;
        firstText(event);
      } else {
        write(event);
      }
    }

    /** The first text delta: where every broken stream breaks and slow ones slow down. */
    private void firstText(SseEvent event) throws IOException {
      Kind kind = turn.step().kind();
      write(kind == Kind.MALFORMED_JSON ? event.broken() : event);
      if (kind == Kind.TRUNCATED_STREAM) {
        cutNext = true;
      } else if (kind == Kind.ERROR_EVENT_MID_STREAM) {
        for (SseEvent error : turn.protocol().midStreamError(turn.call(), sent)) {
          write(error);
        }
        done = true;
      } else {
        AbortConnection.pause(turn.step().totalDelay());
      }
    }

    /** Drops the connection, after half of {@code event} when the protocol cuts mid-event. */
    private void cut(SseEvent event) throws IOException {
      if (turn.protocol().cutsMidEvent()) {
        byte[] bytes = event.bytes(lineEnd);
        turn.out().send(Arrays.copyOf(bytes, bytes.length / 2));
      }
      throw AbortConnection.afterLinger("truncated on purpose");
    }

    /** Called after the last event: a truncation still pending drops the connection now. */
    void finish() throws IOException {
      if (cutNext) {
        throw AbortConnection.afterLinger("truncated on purpose");
      }
    }

    private void write(SseEvent event) throws IOException {
      turn.out().send(event.bytes(lineEnd));
      sent++;
    }
  }
}
