package io.channelmonitor.examples.plain;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * The demo's command-line flags.
 *
 * @param duration how long the demo runs before it stops by itself
 * @param channels how many fake channels it watches
 * @param plain reprint the table instead of redrawing it in place
 * @param dataDir where the H2 database and the demo key ring live
 * @param help only print the usage
 */
record DemoOptions(Duration duration, int channels, boolean plain, Path dataDir, boolean help) {
  static final int MAX_CHANNELS = 50;
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
  static final int DEFAULT_CHANNELS = 5;
  static final Path DEFAULT_DATA_DIR = Path.of("demo-data", "plain-java");

  static final String USAGE =
      String.join(
          "\n",
          "Usage: PlainJavaDemo [--duration=60s] [--channels=5] [--plain] [--data-dir=DIR]",
          "",
          "Watches fake LLM channels (healthy, slow, flaky, wrong answers, down) on loopback with",
          "channel-monitor embedded in plain Java, stores results in an H2 file database and shows",
          "a live table; prints a summary when the duration is over or on Ctrl-C.",
          "",
          "  --duration=D    how long to run: 90s, 5m, 1h or PT90S (default 60s)",
          "  --channels=N    fake channels to watch, 1.."
              + MAX_CHANNELS
              + " (default 5; more repeat",
          "                  the five kinds)",
          "  --plain         reprint the table instead of redrawing it (the default when the",
          "                  output is not a terminal)",
          "  --data-dir=DIR  where the database and the demo key ring live",
          "                  (default demo-data/plain-java); delete it to start over",
          "  --help          print this text",
          "",
          "With OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY set, the demo also probes the",
          "real provider every 60 s (OPENAI_MODEL, ANTHROPIC_MODEL, GEMINI_MODEL pick the model).",
          "Keys are stored encrypted and never printed.",
          "",
          "Through Maven: mvn -pl examples/plain-java -am -DskipTests package exec:java \\",
          "                 -Dexec.args=\"--duration=30s --channels=8\"");

  DemoOptions {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(dataDir, "dataDir");
  }

  /**
   * Parses {@code --name=value} flags.
   *
   * @throws IllegalArgumentException naming the flag that is unknown or has a bad value
   */
  static DemoOptions parse(String... args) {
    Duration duration = DEFAULT_DURATION;
    int channels = DEFAULT_CHANNELS;
    boolean plain = false;
    Path dataDir = DEFAULT_DATA_DIR;
    boolean help = false;
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      switch (name) {
        case "--duration" -> duration = duration(required(name, value));
        case "--channels" -> channels = channels(required(name, value));
        case "--data-dir" -> dataDir = Path.of(required(name, value));
        case "--plain" -> plain = flag(name, value);
        case "--help", "-h" -> help = flag(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new DemoOptions(duration, channels, plain, dataDir, help);
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
    }
    return value.trim();
  }

  private static boolean flag(String name, String value) {
    if (value != null) {
      throw new IllegalArgumentException(name + " takes no value");
    }
    return true;
  }

  static Duration duration(String text) {
    Duration parsed;
    try {
      parsed = parseDuration(text.toLowerCase(Locale.ROOT));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("--duration: not a duration: " + text);
    }
    if (parsed.isNegative() || parsed.isZero()) {
      throw new IllegalArgumentException("--duration must be positive: " + text);
    }
    return parsed;
  }

  private static Duration parseDuration(String text) {
    if (text.startsWith("p")) {
      return Duration.parse(text);
    }
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    char unit = text.charAt(text.length() - 1);
    String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
    long amount = Long.parseLong(number);
    return switch (unit) {
      case 'h' -> Duration.ofHours(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 's' -> Duration.ofSeconds(amount);
      default -> {
        if (!Character.isDigit(unit)) {
          throw new NumberFormatException(text);
        }
        yield Duration.ofSeconds(amount);
      }
    };
  }

  private static int channels(String text) {
    int count;
    try {
      count = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--channels: not a number: " + text);
    }
    if (count < 1 || count > MAX_CHANNELS) {
      throw new IllegalArgumentException("--channels must be 1.." + MAX_CHANNELS + ": " + text);
    }
    return count;
  }
}
