package io.channelmonitor.examples.plain;

import java.io.PrintStream;
import java.util.List;

/**
 * Where frames go: redrawn in place on a terminal (ANSI: cursor home, clear screen), or printed one
 * after the other, separated by a blank line, when the output is a file or pipe or {@code --plain}
 * was given.
 */
final class Screen {
  private static final String HOME_AND_CLEAR = "\u001b[H\u001b[2J";

  private final PrintStream out;
  private final boolean ansi;

  Screen(PrintStream out, boolean ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  boolean ansi() {
    return ansi;
  }

  /** Shows one frame. */
  void frame(List<String> lines) {
    StringBuilder text = new StringBuilder(ansi ? HOME_AND_CLEAR : System.lineSeparator());
    lines.forEach(line -> text.append(line).append(System.lineSeparator()));
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }
}
