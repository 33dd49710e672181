package io.channelmonitor.spring.boot.web;

import static io.channelmonitor.spring.boot.web.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.spring.boot.ChannelMonitorCustomizer;
import io.channelmonitor.spring.boot.web.Http.Answer;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The README's Spring Security example, verbatim, in a Boot 4 host (Spring Security 7): the admin
 * routes need the ADMIN role over HTTP basic, and the user routes and the status page, which no
 * chain matches, stay open as the README says.
 */
@SpringBootTest(
    classes = AdminSecurityIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "channel-monitor.store=memory",
      "channel-monitor.web.admin.enabled=true",
      "channel-monitor.ssrf.allowed-cidrs=127.0.0.0/8",
      TestHosts.WITHOUT_JPA
    })
class AdminSecurityIntegrationTest {
  static final FakeUpstream UPSTREAM = FakeUpstream.builder().https(true).build();
  static final String ADMIN = "/api/v1/admin/channel-monitors";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    // --- as in the README, "Protecting the admin routes" ---
    @Bean
    @Order(1)
    SecurityFilterChain channelMonitorAdmin(HttpSecurity http) throws Exception {
      http.securityMatcher("/api/v1/admin/channel-monitors/**")
          .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
          .httpBasic(Customizer.withDefaults())
          .csrf(csrf -> csrf.disable()); // API clients without a CSRF token
      return http.build();
    }

    // --- the host's own users and the test's upstream ---
    @Bean
    UserDetailsService users() {
      return new InMemoryUserDetailsManager(
          User.withUsername("ops").password("{noop}ops-password").roles("ADMIN").build(),
          User.withUsername("viewer").password("{noop}viewer-password").roles("USER").build());
    }

    @Bean
    ChannelMonitorCustomizer trustTheFakeUpstream() {
      return builder -> builder.sslContext(UPSTREAM.clientSslContext());
    }
  }

  @LocalServerPort int port;
  @Autowired ChannelMonitor channelMonitor;

  @AfterAll
  static void stopUpstream() {
    UPSTREAM.close();
  }

  @Test
  void withoutCredentialsEveryAdminRouteIs401AndNothingChanges() {
    long id = create("guarded");
    Http anonymous = new Http(port);
    List<Answer> answers =
        List.of(
            anonymous.get(ADMIN),
            anonymous.post(ADMIN, monitorJson("sneaked-in", false)),
            anonymous.get(ADMIN + "/" + id),
            anonymous.put(ADMIN + "/" + id, json("name", "defaced")),
            anonymous.delete(ADMIN + "/" + id),
            anonymous.post(ADMIN + "/" + id + "/run", null),
            anonymous.get(ADMIN + "/" + id + "/history"));
    for (Answer answer : answers) {
      assertThat(answer.status()).as(answer.text()).isEqualTo(401);
      assertThat(answer.challenge()).startsWith("Basic");
    }
    assertThat(names()).contains("guarded").doesNotContain("sneaked-in", "defaced");
    assertThat(Http.basic(port, "ops", "wrong").get(ADMIN).status()).isEqualTo(401);
  }

  @Test
  void aUserWithoutTheAdminRoleIs403() {
    long id = create("not-yours");
    Http viewer = Http.basic(port, "viewer", "viewer-password");
    assertThat(viewer.get(ADMIN).status()).isEqualTo(403);
    assertThat(viewer.post(ADMIN, monitorJson("viewer-made", false)).status()).isEqualTo(403);
    assertThat(viewer.delete(ADMIN + "/" + id).status()).isEqualTo(403);
    assertThat(names()).contains("not-yours").doesNotContain("viewer-made");
  }

  @Test
  void theAdminRoleUsesEveryRouteWithoutACsrfToken() {
    Http ops = Http.basic(port, "ops", "ops-password");
    Answer created = ops.post(ADMIN, monitorJson("by-ops", false));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.data().path("id").asLong();
    assertThat(ops.get(ADMIN).status()).isEqualTo(200);
    assertThat(ops.get(ADMIN + "/" + id).data().path("name").asText()).isEqualTo("by-ops");
    assertThat(ops.put(ADMIN + "/" + id, json("group_name", "ops")).status()).isEqualTo(200);
    Answer run = ops.post(ADMIN + "/" + id + "/run", null);
    assertThat(run.status()).as(run.text()).isEqualTo(200);
    assertThat(ops.get(ADMIN + "/" + id + "/history").data().path("items")).isNotEmpty();
    assertThat(ops.delete(ADMIN + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void theUserRoutesAndTheStatusPageNeedNoLogin() {
    long id =
        created(Http.basic(port, "ops", "ops-password").post(ADMIN, monitorJson("open", true)));
    Http anonymous = new Http(port);
    Answer list = anonymous.get("/api/v1/channel-monitors");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.data().path("items").findValuesAsText("name")).contains("open");
    assertThat(anonymous.get("/api/v1/channel-monitors/" + id + "/status").status()).isEqualTo(200);
    Answer page = anonymous.get("/api/v1/channel-monitor/status");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
  }

  @Test
  void pathVariantsDoNotSlipPastTheMatcher() {
    Http anonymous = new Http(port);
    for (String path :
        List.of(
            ADMIN + "/",
            "/api/v1/admin//channel-monitors",
            "/api/v1/admin/./channel-monitors",
            "/api/v1/admin/x/../channel-monitors",
            ADMIN + ";a=b",
            "/api/v1/admin%2Fchannel-monitors",
            "/api/v1/Admin/channel-monitors")) {
      Answer answer = anonymous.post(path, monitorJson("slipped", false));
      assertThat(answer.status()).as(path).isGreaterThanOrEqualTo(400);
    }
    assertThat(names()).doesNotContain("slipped");
  }

  private long create(String name) {
    return created(Http.basic(port, "ops", "ops-password").post(ADMIN, monitorJson(name, false)));
  }

  private static long created(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.data().path("id").asLong();
  }

  private List<String> names() {
    return channelMonitor.monitors().list(MonitorQuery.all()).items().stream()
        .map(io.channelmonitor.Monitor::name)
        .toList();
  }

  private static String monitorJson(String name, boolean enabled) {
    return json(
        "name",
        name,
        "provider",
        "openai",
        "endpoint",
        UPSTREAM.endpoint(),
        "api_key",
        "sk-test-secret",
        "primary_model",
        "gpt-4o-mini",
        "enabled",
        enabled);
  }
}
