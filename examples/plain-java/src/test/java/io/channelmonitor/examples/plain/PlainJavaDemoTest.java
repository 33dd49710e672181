package io.channelmonitor.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.examples.demo.DemoChannel;
import io.channelmonitor.examples.demo.DemoChannels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo's main path for real, for a few seconds: an H2 file database in a temporary folder,
 * the fake upstream on loopback, the library's scheduler. No provider key is passed, so nothing
 * leaves the machine.
 */
class PlainJavaDemoTest {
  @TempDir Path dataDir;

  @Test
  void theSummaryShowsEveryChannelWithTheStatusItPlays() throws Exception {
    String output = run("--duration=5s", "--channels=5", "--plain", "--data-dir=" + dataDir);

    String summary = output.substring(output.indexOf("Summary: "));
    assertThat(summary).contains("(duration reached); 5 checks in this run");
    assertRow(summary, "OpenAI (healthy)", "operational", "none");
    assertRow(summary, "Claude relay (slow)", "degraded", "none");
    assertRow(summary, "Gemini (flaky)", "error", "rate_limited");
    assertRow(summary, "Cheap relay (wrong answers)", "failed", "challenge_mismatch");
    assertRow(summary, "Anthropic (down)", "error", "upstream_5xx");
    assertThat(summary).containsPattern("OpenAI \\(healthy\\) .* 100\\.0%");
    assertThat(summary).containsPattern("Anthropic \\(down\\) .* 0\\.0%");
    assertThat(Files.exists(dataDir.resolve("channel-monitor.mv.db"))).isTrue();
  }

  @Test
  void theLiveTableIsDrawnAsResultsArriveAndNeverShowsAKey() throws Exception {
    String output = run("--duration=3s", "--channels=6", "--plain", "--data-dir=" + dataDir);

    String live = output.substring(0, output.indexOf("Summary: "));
    assertThat(Pattern.compile("(?m)^CHANNEL +PROVIDER +MODEL +STATUS").matcher(live).results())
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(live).contains("waiting").contains("operational").contains("OpenAI (healthy) #2");
    assertThat(live).doesNotContain("\u001b[");
    for (DemoChannel channel : DemoChannels.first(6)) {
      assertThat(output).doesNotContain(channel.fakeApiKey());
    }
    assertThat(output).doesNotContain("sk-demo").doesNotContain(keyRingText());
  }

  @Test
  void aRestartReusesTheStoredMonitorsAndDecryptsTheirKeys() throws Exception {
    run("--duration=3s", "--channels=1", "--plain", "--data-dir=" + dataDir);
    String second = run("--duration=3s", "--channels=1", "--plain", "--data-dir=" + dataDir);

    assertThat(second).contains("monitors: 1 reused from earlier runs, 0 created");
    assertThat(second).doesNotContain("could not be decrypted");
    assertRow(
        second.substring(second.indexOf("Summary: ")), "OpenAI (healthy)", "operational", "none");
  }

  @Test
  void aLostKeyRingIsReportedAndTheKeysAreStoredAgain() throws Exception {
    run("--duration=3s", "--channels=1", "--plain", "--data-dir=" + dataDir);
    Files.delete(dataDir.resolve("keyring.properties"));

    String second = run("--duration=3s", "--channels=1", "--plain", "--data-dir=" + dataDir);

    assertThat(second)
        .contains("the stored API key of OpenAI (healthy) could not be decrypted")
        .contains("monitors: 1 reused from earlier runs, 0 created");
    assertRow(
        second.substring(second.indexOf("Summary: ")), "OpenAI (healthy)", "operational", "none");
  }

  @Test
  void helpPrintsTheFlagsAndRunsNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    boolean ran =
        PlainJavaDemo.run(new String[] {"--help"}, Map.of(), print(out), print(err), false);

    assertThat(ran).isFalse();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--duration=D")
        .contains("--channels=N")
        .contains("OPENAI_API_KEY");
    assertThat(err.size()).isZero();
  }

  @Test
  void aBadFlagIsNamedWithTheUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    boolean ran =
        PlainJavaDemo.run(new String[] {"--channels=0"}, Map.of(), print(out), print(err), false);

    assertThat(ran).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("--channels must be 1..50: 0")
        .contains("Usage: PlainJavaDemo");
    assertThat(out.size()).isZero();
  }

  private static void assertRow(String summary, String channel, String status, String kind) {
    Matcher row =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(channel)
                    + " +\\w+ +\\S+ +"
                    + status
                    + " +"
                    + kind
                    + " +(\\d+) +(\\d+) ")
            .matcher(summary);
    assertThat(row.find())
        .as("summary row of %s: %s / %s in%n%s", channel, status, kind, summary)
        .isTrue();
    assertThat(Integer.parseInt(row.group(1)))
        .as("checks of %s", channel)
        .isGreaterThanOrEqualTo(1);
  }

  private String keyRingText() throws Exception {
    List<String> lines = Files.readAllLines(dataDir.resolve("keyring.properties"));
    String key = lines.stream().filter(line -> line.startsWith("key.")).findFirst().orElseThrow();
    return key.substring(key.indexOf('=') + 1);
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    boolean ran = PlainJavaDemo.run(args, Map.of(), print(out), print(err), false);
    assertThat(ran).as("ran; stderr: %s", err).isTrue();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
