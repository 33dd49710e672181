package io.channelmonitor.spring.boot.web;

import static io.channelmonitor.spring.boot.web.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.jpa.JpaStore;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.spring.boot.ChannelMonitorCustomizer;
import io.channelmonitor.spring.boot.jpahost.GatewayApplication;
import io.channelmonitor.spring.boot.jpahost.HostRoute;
import io.channelmonitor.spring.boot.jpahost.HostRouteRepository;
import io.channelmonitor.spring.boot.web.Http.Answer;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A Boot gateway with Spring Data JPA on Hibernate 7 and H2, its own entity and repository, and the
 * starter: {@code auto} picks the JPA store, the store's entities join the host's unit next to the
 * host's own, Hibernate validates the tables (the host's from its migration, the store's from the
 * starter's script) and the REST API round-trips through the JPA store.
 */
@SpringBootTest(
    classes = {GatewayApplication.class, JpaHostIntegrationTest.Upstream.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "channel-monitor.web.admin.enabled=true",
      "channel-monitor.ssrf.allowed-cidrs=127.0.0.0/8",
      "channel-monitor.key-ring.keys.k1=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      "spring.jpa.hibernate.ddl-auto=validate",
      "spring.jpa.open-in-view=false",
      "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
      "spring.sql.init.schema-locations=classpath:jpahost/host-schema.sql",
      TestHosts.WITHOUT_SECURITY
    })
class JpaHostIntegrationTest {
  static final FakeUpstream UPSTREAM = FakeUpstream.builder().https(true).build();
  static final String ADMIN = "/api/v1/admin/channel-monitors";

  @TestConfiguration(proxyBeanMethods = false)
  static class Upstream {
    @Bean
    ChannelMonitorCustomizer trustTheFakeUpstream() {
      return builder -> builder.sslContext(UPSTREAM.clientSslContext());
    }
  }

  @LocalServerPort int port;
  @Autowired ChannelMonitorStore store;
  @Autowired EntityManagerFactory entityManagerFactory;
  @Autowired HostRouteRepository routes;

  @AfterAll
  static void stopUpstream() {
    UPSTREAM.close();
  }

  @Test
  void theStoreIsJpaInTheHostsUnitAndTheHostsOwnEntityAndRepositoryStillWork() {
    assertThat(store).isInstanceOf(JpaStore.class);
    assertThat(entityManagerFactory.getMetamodel().getEntities())
        .extracting(EntityType::getName)
        .contains("HostRoute", MonitorEntity.NAME);
    HostRoute saved = routes.save(new HostRoute("/v1/chat/completions"));
    assertThat(routes.findByPath("/v1/chat/completions"))
        .extracting(HostRoute::getId)
        .containsExactly(saved.getId());
  }

  @Test
  void aMonitorMadeThroughTheRestApiRoundTripsThroughTheJpaStore() {
    Http http = new Http(port);
    Answer created =
        http.post(
            ADMIN,
            json(
                "name",
                "jpa-round-trip",
                "provider",
                "openai",
                "endpoint",
                UPSTREAM.endpoint(),
                "api_key",
                "sk-test-secret",
                "primary_model",
                "gpt-4o-mini",
                "enabled",
                false));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.data().path("id").asLong();
    MonitorRecord stored = store.findMonitor(id).orElseThrow();
    assertThat(stored.config().name()).isEqualTo("jpa-round-trip");
    assertThat(stored.apiKeyCiphertext()).doesNotContain("sk-test-secret");

    assertThat(http.put(ADMIN + "/" + id, json("name", "renamed")).status()).isEqualTo(200);
    assertThat(store.findMonitor(id).orElseThrow().config().name()).isEqualTo("renamed");

    Answer run = http.post(ADMIN + "/" + id + "/run", null);
    assertThat(run.status()).as(run.text()).isEqualTo(200);
    assertThat(store.history(id, null, 10))
        .singleElement()
        .satisfies(result -> assertThat(result.result().model()).isEqualTo("gpt-4o-mini"));
    Answer history = http.get(ADMIN + "/" + id + "/history");
    assertThat(history.data().path("items").get(0).path("status").asText())
        .isEqualTo("operational");
    assertThat(http.get(ADMIN + "/" + id).data().path("name").asText()).isEqualTo("renamed");

    assertThat(http.delete(ADMIN + "/" + id).status()).isEqualTo(200);
    assertThat(store.findMonitor(id)).isEmpty();
    assertThat(store.history(id, null, 10)).isEmpty();
  }
}
