package io.channelmonitor.examples.demo;

import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channels both demos watch, played by one {@link FakeUpstream}: a healthy one, a slow one, a
 * flaky one that is rate limited now and then, a relay that answers wrong and one that is down.
 * Together they cover the three providers and every status the library reports.
 */
public final class DemoChannels {
  /** Checks of the demo channels run this often (the library's shortest interval). */
  public static final int INTERVAL_SECONDS = 15;

  /**
   * The demos report a correct answer slower than this as degraded (the library's default is 6 s;
   * the demos use less so the slow channel shows it within seconds).
   */
  public static final Duration DEGRADED_THRESHOLD = Duration.ofSeconds(3);

  /** The group name of the demo channels, as the status page shows it. */
  public static final String GROUP = "Fake upstream";

  /** How many distinct channels {@link #catalogue()} has. */
  public static final int DISTINCT = 5;

  /** The flaky channel answers this pattern over and over: one 429 in three requests. */
  private static final int FLAKY_PERIOD = 3;

  /** Repetitions of the flaky pattern: about 3 hours at 15 s, then it stays healthy. */
  private static final int FLAKY_DOUBLINGS = 8;

  /** What the channel that is down answers, as Anthropic words it. */
  private static final String UNAVAILABLE_BODY =
      "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
          + "\"message\":\"Service unavailable\"}}";

  private DemoChannels() {}

  /** The five distinct channels, in display order. */
  public static List<DemoChannel> catalogue() {
    return List.of(
        new DemoChannel(
            "OpenAI (healthy)",
            "openai",
            "gpt-4o-mini",
            true,
            Behaviour.slowFirstToken(Duration.ofMillis(300)),
            "answers right, first token in 0.3 s"),
        new DemoChannel(
            "Claude relay (slow)",
            "anthropic",
            "claude-3-5-haiku-latest",
            true,
            slow(),
            "answers right in 3.5 s: degraded"),
        new DemoChannel(
            "Gemini (flaky)",
            "gemini",
            "gemini-2.0-flash",
            false,
            flaky(),
            "rate limited (429) on one request in three"),
        new DemoChannel(
            "Cheap relay (wrong answers)",
            "openai",
            "gpt-4o",
            false,
            Behaviour.wrongAnswer().withFirstTokenDelay(Duration.ofMillis(200)),
            "answers fluently but wrong: a swapped model"),
        new DemoChannel(
            "Anthropic (down)",
            "anthropic",
            "claude-sonnet-4-5",
            false,
            Behaviour.status(503, UNAVAILABLE_BODY),
            "answers 503"));
  }

  /**
   * The first {@code count} channels: the catalogue, then replicas of it named {@code "... #2"},
   * {@code "... #3"} and so on.
   *
   * @throws IllegalArgumentException when {@code count < 1}
   */
  public static List<DemoChannel> first(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1: " + count);
    }
    List<DemoChannel> catalogue = catalogue();
    List<DemoChannel> channels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      DemoChannel template = catalogue.get(i % DISTINCT);
      int round = i / DISTINCT;
      channels.add(round == 0 ? template : template.named(template.name() + " #" + (round + 1)));
    }
    return channels;
  }

  /** Scripts {@code upstream} to answer each channel's model the way the channel plays it. */
  public static void scriptOnto(FakeUpstream upstream, List<DemoChannel> channels) {
    Map<String, Behaviour> byModel = new LinkedHashMap<>();
    channels.forEach(channel -> byModel.putIfAbsent(channel.model(), channel.behaviour()));
    byModel.forEach(upstream::script);
  }

  /** The first token after 1.5 s, the end of the answer 2 s later. */
  private static Behaviour slow() {
    return Behaviour.slowFirstToken(Duration.ofMillis(1500))
        .withTotalDelay(Duration.ofMillis(2000));
  }

  /** A 429 first, then two honest answers, over and over. */
  private static Behaviour flaky() {
    Behaviour honest = Behaviour.slowFirstToken(Duration.ofMillis(400));
    Behaviour pattern = Behaviour.rateLimited(20);
    for (int i = 1; i < FLAKY_PERIOD; i++) {
      pattern = pattern.then(honest);
    }
    for (int i = 0; i < FLAKY_DOUBLINGS; i++) {
      pattern = pattern.then(pattern);
    }
    return pattern.then(honest);
  }
}
