package io.channelmonitor.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.examples.demo.DemoChannel;
import io.channelmonitor.examples.demo.DemoChannels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo application as it starts: a real server on 127.0.0.1, the H2 file database in a
 * temporary folder, the fake upstream on a free loopback port. Nothing leaves the machine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "demo.fake-upstream-port=0"})
@ExtendWith(OutputCaptureExtension.class)
class DemoApplicationTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired ChannelMonitor channelMonitor;
  @Autowired DemoSeeder seeder;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("channel-monitor-demo-test");
    dir.toFile().deleteOnExit();
    registry.add("demo.data-dir", dir::toString);
  }

  @Test
  void theUserListShowsEveryChannelWithTheStatusItPlays() throws Exception {
    Map<String, String> statuses = awaitStatuses();

    assertThat(statuses)
        .containsEntry("OpenAI (healthy)", "operational")
        .containsEntry("Claude relay (slow)", "degraded")
        .containsEntry("Gemini (flaky)", "error")
        .containsEntry("Cheap relay (wrong answers)", "failed")
        .containsEntry("Anthropic (down)", "error")
        .hasSize(DemoChannels.DISTINCT);
  }

  @Test
  void theStatusPageAndTheDataItShowsAreServed() {
    Http http = new Http(port);
    Http.Answer page = http.get("/api/v1/channel-monitor/status");
    Http.Answer data = http.get("/api/v1/channel-monitor/status/data");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).containsIgnoringCase("<html").contains("status/data");
    assertThat(data.status()).isEqualTo(200);
    assertThat(data.contentType()).startsWith("application/json");
    assertThat(data.body()).contains("OpenAI (healthy)").contains(DemoChannels.GROUP);
  }

  @Test
  void theStatusPageUrlIsPrintedOnStart(CapturedOutput output) {
    assertThat(output.getAll())
        .contains("http://127.0.0.1:" + port + "/api/v1/channel-monitor/status");
  }

  @Test
  void seedingAgainAddsNothing() throws Exception {
    seeder.run(new DefaultApplicationArguments());
    seeder.run(new DefaultApplicationArguments());

    assertThat(channelMonitor.monitors().list(MonitorQuery.all()).total())
        .isEqualTo(DemoChannels.DISTINCT);
  }

  @Test
  void theAdminApiShowsKeysMaskedOnly(CapturedOutput output) {
    Http.Answer admin = new Http(port).get("/api/v1/admin/channel-monitors");

    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body()).contains("sk-d***");
    for (DemoChannel channel : DemoChannels.catalogue()) {
      assertThat(admin.body()).doesNotContain(channel.fakeApiKey());
      assertThat(output.getAll()).doesNotContain(channel.fakeApiKey());
    }
  }

  private Map<String, String> awaitStatuses() throws InterruptedException {
    Http http = new Http(port);
    Instant deadline = Instant.now().plus(PATIENCE);
    Map<String, String> statuses = Map.of();
    while (Instant.now().isBefore(deadline)) {
      Http.Answer list = http.get("/api/v1/channel-monitors");
      assertThat(list.status()).isEqualTo(200);
      statuses = statuses(list.json().path("data").path("items"));
      if (statuses.size() == DemoChannels.DISTINCT && !statuses.containsValue(null)) {
        return statuses;
      }
      Thread.sleep(250);
    }
    return statuses;
  }

  private static Map<String, String> statuses(JsonNode items) {
    Map<String, String> statuses = new HashMap<>();
    for (JsonNode item : items) {
      JsonNode status = item.path("primary_status");
      statuses.put(item.path("name").asText(), status.isNull() ? null : status.asText());
    }
    return statuses;
  }
}
