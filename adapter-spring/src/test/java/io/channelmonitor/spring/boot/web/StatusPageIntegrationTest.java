package io.channelmonitor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.spring.boot.web.Http.Answer;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.store.StoreFixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The status page: served self-contained with a strict content security policy, and rendered by
 * headless Chromium (Debian {@code chromium}) into {@code target/status-page-*.png}.
 */
@SpringBootTest(
    classes = StatusPageIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = TestHosts.WITHOUT_JPA_OR_SECURITY)
class StatusPageIntegrationTest {
  static final String PAGE = "/api/v1/channel-monitor/status";
  static final String EVIL = "Evil </script><script>alert(1)</script>";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    ChannelMonitorStore prefilledStore() {
      return prefilled();
    }
  }

  @LocalServerPort int port;

  @Test
  void thePageIsSelfContainedAndCarriesTheDataInline() {
    Answer page = new Http(port).get(PAGE);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html").contains("UTF-8");
    String html = page.text();
    assertThat(html).doesNotContain("http://", "https://", "src=", "@import", "url(");
    assertThat(html).contains("OpenAI main", "Claude relay", "Gemini backup");
    assertThat(html).doesNotContain("Hidden", "api.example.com", "sk-");
    assertThat(html).doesNotContain("</script><script>alert(1)");
    assertThat(html).contains("Evil \\u003c/script\\u003e");
  }

  @Test
  void theContentSecurityPolicyAllowsOnlyTheNoncedScriptAndStyle() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + PAGE))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher nonce = Pattern.compile("script-src 'nonce-([^']+)'").matcher(csp);
    assertThat(nonce.find()).isTrue();
    assertThat(csp).contains("default-src 'none'", "connect-src 'self'");
    assertThat(response.body())
        .contains("<script nonce=\"" + nonce.group(1) + "\">")
        .contains("<style nonce=\"" + nonce.group(1) + "\">");
    assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
  }

  @Test
  void theDataRouteServesTheEnabledMonitors() {
    Answer data = new Http(port).get(PAGE + "/data");
    assertThat(data.status()).isEqualTo(200);
    assertThat(data.data().path("items")).hasSize(4);
    assertThat(data.data().toString()).doesNotContain("Hidden", "endpoint");
  }

  @Test
  void chromiumRendersOneCardPerMonitorGroupedWithSixtyBarsEach(@TempDir Path profile)
      throws Exception {
    String chromium = chromium();
    // CI installs chromium (.ci/run), so there a missing browser is a failure, not a skip.
    if (System.getenv("CI") != null) {
      assertThat(chromium).as("chromium must be installed in CI").isNotNull();
    }
    Assumptions.assumeTrue(chromium != null, "chromium is not installed");
    String url = "http://127.0.0.1:" + port + PAGE;
    String dom = run(chromium, profile, "--window-size=1200,1000", "--dump-dom", url);
    assertThat(dom).contains("data-cards=\"4\"");
    assertThat(count(dom, "<article class=\"card\"")).isEqualTo(4);
    assertThat(count(dom, "class=\"bar")).isEqualTo(4 * 60);
    assertThat(dom).contains("<h2>Backup</h2>", "<h2>Production</h2>", "<h2>Other channels</h2>");
    assertThat(dom.indexOf("<h2>Backup</h2>")).isLessThan(dom.indexOf("<h2>Production</h2>"));
    assertThat(dom).contains("Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(dom).contains("1 of 4 channels failing");
    assertThat(dom).contains("100.00 %").contains("Degraded");

    Path target = Paths.get("target").toAbsolutePath();
    Path desktop = target.resolve("status-page-desktop.png");
    Path phone = target.resolve("status-page-phone.png");
    Files.deleteIfExists(desktop);
    Files.deleteIfExists(phone);
    run(chromium, profile, "--window-size=1200,1000", "--screenshot=" + desktop, url);
    run(chromium, profile, "--window-size=390,1400", "--screenshot=" + phone, url);
    assertThat(desktop).exists().isNotEmptyFile();
    assertThat(phone).exists().isNotEmptyFile();
  }

  /** Three groups, several statuses, one hostile name, one disabled monitor. */
  static InMemoryStore prefilled() {
    InMemoryStore store = new InMemoryStore();
    Instant now = Instant.now();
    long openai =
        store
            .insertMonitor(
                StoreFixtures.monitor()
                    .name("OpenAI main")
                    .group("Production")
                    .extraModels("gpt-4.1")
                    .record())
            .id();
    long claude =
        store
            .insertMonitor(
                StoreFixtures.monitor()
                    .name("Claude relay")
                    .provider("anthropic")
                    .primaryModel("claude-sonnet")
                    .group("Production")
                    .record())
            .id();
    long gemini =
        store
            .insertMonitor(
                StoreFixtures.monitor()
                    .name("Gemini backup")
                    .provider("gemini")
                    .primaryModel("gemini-2.0-flash")
                    .group("Backup")
                    .record())
            .id();
    store.insertMonitor(StoreFixtures.monitor().name(EVIL).record());
    store.insertMonitor(StoreFixtures.monitor().name("Hidden").enabled(false).record());
    List<ResultRecord> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Instant at = now.minusSeconds(60L * (60 - i));
      rows.add(StoreFixtures.result(at).latency(300 + i).ping(40L).of(openai));
      rows.add(
          StoreFixtures.result("gpt-4.1", at)
              .status(CheckStatus.DEGRADED)
              .latency(7200)
              .of(openai));
      rows.add(
          StoreFixtures.result("claude-sonnet", at)
              .status(i % 7 == 3 ? CheckStatus.DEGRADED : CheckStatus.OPERATIONAL)
              .latency(i % 7 == 3 ? 6500 : 900)
              .of(claude));
      if (i >= 20) {
        rows.add(
            i > 52 || i % 9 == 0
                ? StoreFixtures.result("gemini-2.0-flash", at)
                    .failure(CheckStatus.ERROR, FailureKind.UPSTREAM_5XX)
                    .latency(120)
                    .of(gemini)
                : StoreFixtures.result("gemini-2.0-flash", at).latency(1400).of(gemini));
      }
    }
    store.insertResults(rows);
    return store;
  }

  private static String chromium() {
    for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    return null;
  }

  private static String run(String chromium, Path profile, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(chromium);
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=3000",
            "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not finish in 90 s");
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    Files.deleteIfExists(out);
    return text;
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
