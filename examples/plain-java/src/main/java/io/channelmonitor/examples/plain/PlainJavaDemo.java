package io.channelmonitor.examples.plain;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The library embedded in a plain JVM, no framework: monitors stored in an H2 file database through
 * {@code JdbcStore}, API keys encrypted with a key ring kept next to it, channels of all three
 * providers played by a {@code FakeUpstream} on loopback (healthy, slow, flaky, wrong answers,
 * down), a live table fed by a {@code CheckListener} and {@code availability()}, and a summary at
 * the end. Run with {@code --help} for the flags.
 */
public final class PlainJavaDemo {
  private PlainJavaDemo() {}

  public static void main(String[] args) {
    boolean terminal = System.console() != null;
    run(args, System.getenv(), System.out, System.err, terminal);
  }

  /**
   * Runs the demo with these arguments and environment.
   *
   * @param terminal whether the output is a terminal (the table is then redrawn in place)
   * @return true when it ran, false on {@code --help} or a bad flag
   */
  static boolean run(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println();
      err.println(DemoOptions.USAGE);
      return false;
    }
    if (options.help()) {
      out.println(DemoOptions.USAGE);
      return false;
    }
    new DemoRun(options, env, out, Clock.systemUTC(), terminal && !options.plain()).run();
    return true;
  }
}
