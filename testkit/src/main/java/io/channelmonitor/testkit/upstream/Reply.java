package io.channelmonitor.testkit.upstream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * What the fake answers, before a protocol wraps it.
 *
 * @param text the answer text
 * @param thinking reasoning to send before the answer, or null for none
 * @param paddingBytes filler bytes to append to the answer (after a space); 0 for none
 */
record Reply(String text, String thinking, long paddingBytes) {
  /**
   * Stands for the padding in a whole (non-streaming) answer's JSON; the writer replaces it with
   * the filler as it writes. Only letters, so JSON leaves it alone.
   */
  static final String PADDING_MARK = "FAKEUPSTREAMPADDINGGOESHERE";

  private static final String FILLER = "This filler text only makes the answer large. ";
  private static final int PADDING_PIECE = 8 * 1024;
  private static final int PIECES = 3;

  Reply {
    Objects.requireNonNull(text, "text");
    if (paddingBytes < 0) {
      throw new IllegalArgumentException("paddingBytes must be >= 0");
    }
  }

  static Reply of(String text) {
    return new Reply(text, null, 0);
  }

  boolean padded() {
    return paddingBytes > 0;
  }

  /** The answer text for a whole answer, with {@link #PADDING_MARK} where the padding goes. */
  String wholeText() {
    return padded() ? text + " " + PADDING_MARK : text;
  }

  /**
   * The answer in a few deltas, then (when padded) a space and the filler in pieces of 8 KiB, made
   * as they are asked for.
   */
  Iterator<String> textPieces() {
    List<String> head = new ArrayList<>(split(text));
    if (padded()) {
      head.add(" ");
    }
    Iterator<String> answer = head.iterator();
    Iterator<String> filler = filler(paddingBytes);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return answer.hasNext() || filler.hasNext();
      }

      @Override
      public String next() {
        return answer.hasNext() ? answer.next() : filler.next();
      }
    };
  }

  /** The reasoning in a few deltas; empty when there is none. */
  List<String> thinkingPieces() {
    return thinking == null ? List.of() : split(thinking);
  }

  int outputTokens() {
    return Call.tokens(text) + (int) Math.min(Integer.MAX_VALUE / 2, paddingBytes / 4);
  }

  /** {@code text} cut into at most three pieces at code point boundaries; never empty. */
  static List<String> split(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints < 2) {
      return List.of(text);
    }
    int size = Math.max(2, (codePoints + PIECES - 1) / PIECES);
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int remaining = text.codePointCount(start, text.length());
      int end = text.offsetByCodePoints(start, Math.min(size, remaining));
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }

  /** {@code bytes} bytes of ASCII filler in pieces of at most 8 KiB, made as they are asked for. */
  static Iterator<String> filler(long bytes) {
    String piece = FILLER.repeat(PADDING_PIECE / FILLER.length() + 1).substring(0, PADDING_PIECE);
    return new Iterator<>() {
      private long left = bytes;

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public String next() {
        if (left <= 0) {
          throw new NoSuchElementException();
        }
        int size = (int) Math.min(left, PADDING_PIECE);
        left -= size;
        return size == PADDING_PIECE ? piece : piece.substring(0, size);
      }
    };
  }
}
