package io.channelmonitor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelmonitor.ChannelMonitorSettings;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;

/** The generated IDE metadata documents every property with the library's default. */
class ConfigurationMetadataTest {
  private final Map<String, JsonNode> properties = read();

  @Test
  void everyPropertyHasADescription() {
    assertThat(properties).isNotEmpty();
    properties.forEach(
        (name, property) ->
            assertThat(property.path("description").asText()).as(name).isNotBlank());
  }

  @Test
  void documentedDefaultsAreTheLibraryConstants() {
    ChannelMonitorSettings defaults = ChannelMonitorSettings.defaults();
    assertThat(duration("channel-monitor.default-interval").getSeconds())
        .isEqualTo(defaults.defaultIntervalSeconds());
    assertThat(duration("channel-monitor.degraded-threshold"))
        .isEqualTo(defaults.degradedThreshold());
    assertThat(duration("channel-monitor.request-timeout")).isEqualTo(defaults.requestTimeout());
    assertThat(duration("channel-monitor.ping-timeout")).isEqualTo(defaults.pingTimeout());
    assertThat(duration("channel-monitor.connect-timeout")).isEqualTo(defaults.connectTimeout());
    assertThat(duration("channel-monitor.stop-timeout")).isEqualTo(defaults.stopTimeout());
    assertThat(number("channel-monitor.max-concurrent-checks"))
        .isEqualTo(defaults.maxConcurrentChecks());
    assertThat(number("channel-monitor.queue-capacity")).isEqualTo(defaults.queueCapacity());
    assertThat(number("channel-monitor.model-concurrency")).isEqualTo(defaults.modelConcurrency());
    assertThat(number("channel-monitor.retention.raw-days")).isEqualTo(defaults.rawRetentionDays());
    assertThat(number("channel-monitor.retention.rollup-days"))
        .isEqualTo(defaults.rollupRetentionDays());
    assertThat(properties.get("channel-monitor.model-metric-tag").path("defaultValue").asBoolean())
        .isEqualTo(defaults.modelMetricTag());
  }

  @Test
  void webDefaultsKeepAdminOffAndTheUserViewOn() {
    assertThat(properties.get("channel-monitor.web.admin.enabled").path("defaultValue").asBoolean())
        .isFalse();
    assertThat(properties.get("channel-monitor.web.user.enabled").path("defaultValue").asBoolean())
        .isTrue();
    assertThat(properties.get("channel-monitor.web.base-path").path("defaultValue").asText())
        .isEqualTo("/api/v1");
  }

  @Test
  void schemaCreationIsOnlyForEmbeddedDatabasesByDefaultForBothStores() {
    for (String store : new String[] {"jdbc", "jpa"}) {
      JsonNode property = properties.get("channel-monitor." + store + ".initialize-schema");
      assertThat(property).as(store).isNotNull();
      assertThat(property.path("defaultValue").asText()).as(store).isEqualTo("embedded");
    }
  }

  private java.time.Duration duration(String name) {
    String text = properties.get(name).path("defaultValue").asText();
    return ApplicationConversionService.getSharedInstance().convert(text, java.time.Duration.class);
  }

  private int number(String name) {
    return properties.get(name).path("defaultValue").asInt(-1);
  }

  private static Map<String, JsonNode> read() {
    try (InputStream in =
        ConfigurationMetadataTest.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      Map<String, JsonNode> byName = new HashMap<>();
      for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
        byName.put(property.path("name").asText(), property);
      }
      return byName;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
