package io.channelmonitor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.jdbc.JdbcStore;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code channel-monitor.store}, schema creation and the key ring. */
@ExtendWith(OutputCaptureExtension.class)
class StoreSelectionTest {
  static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  private final ApplicationContextRunner withDataSource =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, ChannelMonitorAutoConfiguration.class));

  private final ApplicationContextRunner withDataSourceAndKey =
      withDataSource.withPropertyValues(
          "channel-monitor.key-ring.primary-id=k1", "channel-monitor.key-ring.keys.k1=" + KEY);

  @Test
  void autoPicksJdbcOnAnEmbeddedDataSourceAndCreatesTheSchema() {
    withDataSourceAndKey.run(
        context -> {
          assertThat(context).hasNotFailed();
          ChannelMonitorStore store = context.getBean(ChannelMonitorStore.class);
          assertThat(store).isInstanceOf(JdbcStore.class);
          assertThat(
                  context.getBean(ChannelMonitor.class).monitors().list(MonitorQuery.all()).total())
              .isZero();
        });
  }

  @Test
  void autoFallsBackToMemoryWhenTheJdbcModuleIsMissing(CapturedOutput output) {
    withDataSource
        .withClassLoader(new FilteredClassLoader("io.channelmonitor.jdbc"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ChannelMonitorStore.class))
                  .isInstanceOf(InMemoryStore.class);
              assertThat(output).contains("NOT kept across restarts");
            });
  }

  @Test
  void explicitMemoryIgnoresTheDataSourceAndDoesNotWarn(CapturedOutput output) {
    withDataSource
        .withPropertyValues("channel-monitor.store=memory")
        .run(
            context -> {
              assertThat(context.getBean(ChannelMonitorStore.class))
                  .isInstanceOf(InMemoryStore.class);
              assertThat(output).doesNotContain("NOT kept across restarts");
            });
  }

  @Test
  void explicitJdbcWithoutDataSourceFailsClearly() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ChannelMonitorAutoConfiguration.class))
        .withPropertyValues("channel-monitor.store=jdbc")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("channel-monitor.store=jdbc needs a single")
                    .hasMessageContaining("DataSource"));
  }

  @Test
  void explicitJdbcWithoutTheModuleFailsClearly() {
    withDataSourceAndKey
        .withPropertyValues("channel-monitor.store=jdbc")
        .withClassLoader(new FilteredClassLoader("io.channelmonitor.jdbc"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("JDBC module not on the classpath"));
  }

  @Test
  void jpaIsAnErrorWhileTheJpaModuleIsMissing() {
    withDataSourceAndKey
        .withPropertyValues("channel-monitor.store=jpa")
        .withClassLoader(new FilteredClassLoader("io.channelmonitor.jpa"))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("JPA module not on the classpath"));
  }

  @Test
  void aPersistentStoreWithoutAKeyFailsStartupNamingTheProperties() {
    withDataSource.run(
        context ->
            assertThat(context)
                .getFailure()
                .hasStackTraceContaining("needs a key you own")
                .hasStackTraceContaining("channel-monitor.key-ring.keys.<id>"));
  }

  @Test
  void aSingleKeyNeedsNoPrimaryId() {
    withDataSource
        .withPropertyValues("channel-monitor.key-ring.keys.only=" + KEY)
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aKeyRingBeanServesAsTheKey() {
    withDataSource
        .withBean(KeyRing.class, KeyRing::ephemeral)
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aBadKeyFailsNamingTheKeyIdButNotTheValue() {
    withDataSource
        .withPropertyValues("channel-monitor.key-ring.keys.k1=c2hvcnQ=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("invalid channel-monitor.key-ring")
                    .hasStackTraceContaining("k1")
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("c2hvcnQ")));
  }

  @Test
  void twoKeysNeedAPrimaryId() {
    withDataSource
        .withPropertyValues(
            "channel-monitor.key-ring.keys.k1=" + KEY, "channel-monitor.key-ring.keys.k2=" + KEY)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("primary-id must name one of the keys"));
  }

  @Test
  void schemaCreationOffOnAnEmbeddedDatabaseFailsOnTheMissingTables() {
    withDataSourceAndKey
        .withPropertyValues("channel-monitor.jdbc.initialize-schema=never")
        .run(
            context ->
                assertThat(context).getFailure().hasStackTraceContaining("channel_monitor_"));
  }

  @Test
  void aFileDatabaseIsNotEmbeddedSoTheSchemaIsOnlyCreatedWhenAskedFor(@TempDir Path dir) {
    String url = "spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    withDataSourceAndKey.withPropertyValues(url).run(context -> assertThat(context).hasFailed());
    withDataSourceAndKey
        .withPropertyValues(url, "channel-monitor.jdbc.initialize-schema=always")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(JdbcStore.class);
            });
  }

  @Test
  void theTablePrefixIsConfigurable() {
    withDataSourceAndKey
        .withPropertyValues("channel-monitor.jdbc.table-prefix=cm_")
        .run(
            context ->
                assertThat(((JdbcStore) context.getBean(ChannelMonitorStore.class)).tablePrefix())
                    .isEqualTo("cm_"));
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
