package io.channelmonitor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.spring.boot.web.Http.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * With the default switches, on a custom base path: the admin routes do not exist at all (they
 * carry no security of their own), the user routes answer under the configured path.
 */
@SpringBootTest(
    classes = DefaultRoutesIntegrationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "channel-monitor.store=memory",
      "channel-monitor.web.base-path=/monitoring",
      TestHosts.WITHOUT_JPA_OR_SECURITY
    })
class DefaultRoutesIntegrationTest {
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void adminRoutesAreNotRegisteredUnlessEnabled() {
    assertThat(mappings.getHandlerMethods().keySet())
        .extracting(Object::toString)
        .noneMatch(route -> route.contains("admin/channel-monitors"))
        .anyMatch(route -> route.contains("/monitoring/channel-monitors"));
    Http http = new Http(port);
    assertThat(http.get("/monitoring/admin/channel-monitors").status()).isEqualTo(404);
    assertThat(http.post("/monitoring/admin/channel-monitors", "{}").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/admin/channel-monitors").status()).isEqualTo(404);
  }

  @Test
  void userRoutesAnswerUnderTheConfiguredBasePath() {
    Http http = new Http(port);
    Answer list = http.get("/monitoring/channel-monitors");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("code").asInt()).isZero();
    assertThat(list.data().path("items").isArray()).isTrue();
    assertThat(http.get("/api/v1/channel-monitors").status()).isEqualTo(404);
    assertThat(http.get("/monitoring/channel-monitors/7/status").reason())
        .isEqualTo("CHANNEL_MONITOR_NOT_FOUND");
  }
}
