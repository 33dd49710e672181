package io.channelmonitor.spring.boot;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.ssrf.SsrfPolicy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code channel-monitor.*} properties. Every default is one of the library's {@code DEFAULT_*}
 * constants, so the starter and the plain library behave alike. What a property cannot say (a
 * custom checker, trust material, a listener) goes through a {@link ChannelMonitorCustomizer}.
 */
@ConfigurationProperties(ChannelMonitorProperties.PREFIX)
public class ChannelMonitorProperties {
  /** The prefix of every property of the starter. */
  public static final String PREFIX = "channel-monitor";

  /** Whether the starter configures anything; false removes every channel-monitor bean. */
  private boolean enabled = true;

  /**
   * The global feature switch, read at every scheduled run, manual run and user request: when off,
   * nothing is probed, manual runs answer 403 and the user view is empty. Define a {@code
   * SettingsProvider} bean to switch it at run time from elsewhere (a settings table).
   */
  private boolean monitoringEnabled = true;

  /**
   * Where monitors and results are kept: {@code auto} picks JPA when an EntityManagerFactory and
   * the JPA module are present, else JDBC when a DataSource and the JDBC module are, else memory
   * (with a warning); {@code jpa}, {@code jdbc} and {@code memory} force a store and fail at
   * startup when it cannot be built.
   */
  private StoreType store = StoreType.AUTO;

  /** Interval of a new monitor that sets none (15 s to 1 h, whole seconds). */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration defaultInterval =
      Duration.ofSeconds(ChannelMonitorSettings.DEFAULT_INTERVAL_SECONDS);

  /** A correct answer at least this slow is reported as degraded rather than operational. */
  @DurationUnit(ChronoUnit.MILLIS)
  private Duration degradedThreshold = ChannelMonitorSettings.DEFAULT_DEGRADED_THRESHOLD;

  /** Longest probe request, from connect to the end of the body. */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration requestTimeout = ChannelMonitorSettings.DEFAULT_REQUEST_TIMEOUT;

  /** Longest HEAD ping of a channel's origin. */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration pingTimeout = ChannelMonitorSettings.DEFAULT_PING_TIMEOUT;

  /** Longest TCP connect and TLS handshake. */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration connectTimeout = ChannelMonitorSettings.DEFAULT_CONNECT_TIMEOUT;

  /** How long shutdown waits for running checks before it interrupts them. */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration stopTimeout = ChannelMonitorSettings.DEFAULT_STOP_TIMEOUT;

  /** Checks running at once over all monitors (the worker pool); the HTTP pool follows it. */
  private int maxConcurrentChecks = ChannelMonitorSettings.DEFAULT_MAX_CONCURRENT_CHECKS;

  /** Due runs that may wait for a free worker; beyond this a due run is skipped and counted. */
  private int queueCapacity = ChannelMonitorSettings.DEFAULT_QUEUE_CAPACITY;

  /** Models of one monitor probed at the same time. */
  private int modelConcurrency = ChannelMonitorSettings.DEFAULT_MODEL_CONCURRENCY;

  /** Whether check meters carry a {@code model} tag (one series per model; off by default). */
  private boolean modelMetricTag = ChannelMonitorSettings.DEFAULT_MODEL_METRIC_TAG;

  /** How long results are kept. */
  private final Retention retention = new Retention();

  /** Which endpoints may be probed besides public https hosts. */
  private final Ssrf ssrf = new Ssrf();

  /** The AES-256 keys that encrypt stored API keys; required with a persistent store. */
  private final KeyRing keyRing = new KeyRing();

  /** The JDBC store. */
  private final Jdbc jdbc = new Jdbc();

  /** The JPA store. */
  private final Jpa jpa = new Jpa();

  /** The REST API and the status page. */
  private final Web web = new Web();

  /** Cluster mode: instances on one database share the schedule. */
  private final ClusterProperties cluster = new ClusterProperties();

  /** The health indicator. */
  private final Health health = new Health();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isMonitoringEnabled() {
    return monitoringEnabled;
  }

  public void setMonitoringEnabled(boolean monitoringEnabled) {
    this.monitoringEnabled = monitoringEnabled;
  }

  public StoreType getStore() {
    return store;
  }

  public void setStore(StoreType store) {
    this.store = store;
  }

  public Duration getDefaultInterval() {
    return defaultInterval;
  }

  public void setDefaultInterval(Duration defaultInterval) {
    this.defaultInterval = defaultInterval;
  }

  public Duration getDegradedThreshold() {
    return degradedThreshold;
  }

  public void setDegradedThreshold(Duration degradedThreshold) {
    this.degradedThreshold = degradedThreshold;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public Duration getPingTimeout() {
    return pingTimeout;
  }

  public void setPingTimeout(Duration pingTimeout) {
    this.pingTimeout = pingTimeout;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getStopTimeout() {
    return stopTimeout;
  }

  public void setStopTimeout(Duration stopTimeout) {
    this.stopTimeout = stopTimeout;
  }

  public int getMaxConcurrentChecks() {
    return maxConcurrentChecks;
  }

  public void setMaxConcurrentChecks(int maxConcurrentChecks) {
    this.maxConcurrentChecks = maxConcurrentChecks;
  }

  public int getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  public int getModelConcurrency() {
    return modelConcurrency;
  }

  public void setModelConcurrency(int modelConcurrency) {
    this.modelConcurrency = modelConcurrency;
  }

  public boolean isModelMetricTag() {
    return modelMetricTag;
  }

  public void setModelMetricTag(boolean modelMetricTag) {
    this.modelMetricTag = modelMetricTag;
  }

  public Retention getRetention() {
    return retention;
  }

  public Ssrf getSsrf() {
    return ssrf;
  }

  public KeyRing getKeyRing() {
    return keyRing;
  }

  public Jdbc getJdbc() {
    return jdbc;
  }

  public Jpa getJpa() {
    return jpa;
  }

  public Web getWeb() {
    return web;
  }

  @NestedConfigurationProperty
  public ClusterProperties getCluster() {
    return cluster;
  }

  public Health getHealth() {
    return health;
  }

  /** How long results are kept. */
  public static class Retention {
    /** Days raw results are kept (once rolled up into daily figures). */
    private int rawDays = ChannelMonitorSettings.DEFAULT_RAW_RETENTION_DAYS;

    /** Days the daily rollups are kept; availability windows cannot be longer. */
    private int rollupDays = ChannelMonitorSettings.DEFAULT_ROLLUP_RETENTION_DAYS;

    public int getRawDays() {
      return rawDays;
    }

    public void setRawDays(int rawDays) {
      this.rawDays = rawDays;
    }

    public int getRollupDays() {
      return rollupDays;
    }

    public void setRollupDays(int rollupDays) {
      this.rollupDays = rollupDays;
    }
  }

  /** Which endpoints may be probed besides public https hosts. */
  public static class Ssrf {
    /**
     * Private networks that may be probed, as CIDRs (for example {@code 10.20.0.0/16}); loopback
     * only when a range inside 127.0.0.0/8 or ::1 is named.
     */
    private List<String> allowedCidrs = new ArrayList<>();

    /** Host names that may resolve to private addresses: exact, or {@code *.suffix}. */
    private List<String> allowedHosts = new ArrayList<>();

    /** Whether plain http endpoints are accepted. For development and tests only. */
    private boolean allowInsecureHttp = SsrfPolicy.DEFAULT_ALLOW_INSECURE_HTTP;

    /** Longest host-name lookup before a host counts as unreachable. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration resolveTimeout = SsrfPolicy.DEFAULT_RESOLVE_TIMEOUT;

    public List<String> getAllowedCidrs() {
      return allowedCidrs;
    }

    public void setAllowedCidrs(List<String> allowedCidrs) {
      this.allowedCidrs = allowedCidrs;
    }

    public List<String> getAllowedHosts() {
      return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
      this.allowedHosts = allowedHosts;
    }

    public boolean isAllowInsecureHttp() {
      return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
    }

    public Duration getResolveTimeout() {
      return resolveTimeout;
    }

    public void setResolveTimeout(Duration resolveTimeout) {
      this.resolveTimeout = resolveTimeout;
    }
  }

  /** The AES-256 keys that encrypt stored API keys. */
  public static class KeyRing {
    /**
     * The id of the key new values are encrypted with; may be left out when exactly one key is set.
     */
    private String primaryId;

    /**
     * The keys by id ({@code [a-z0-9._-]}, at most 32 characters), each the base64 text of 32
     * random bytes. Keep old keys here after a rotation so older values stay readable.
     */
    private Map<String, String> keys = new LinkedHashMap<>();

    public String getPrimaryId() {
      return primaryId;
    }

    public void setPrimaryId(String primaryId) {
      this.primaryId = primaryId;
    }

    public Map<String, String> getKeys() {
      return keys;
    }

    public void setKeys(Map<String, String> keys) {
      this.keys = keys;
    }

    @Override
    public String toString() {
      return "KeyRing[primaryId=" + primaryId + ", keyIds=" + keys.keySet() + "]";
    }
  }

  /** The JDBC store. */
  public static class Jdbc {
    /**
     * When the starter creates missing tables: {@code embedded} (H2, HSQLDB, Derby only), {@code
     * always} or {@code never} (you run the shipped script with Flyway, Liquibase or by hand).
     */
    private SchemaInit initializeSchema = SchemaInit.EMBEDDED;

    /** Prefix of the table names ({@code [a-z_][a-z0-9_]*}). */
    private String tablePrefix = "channel_monitor_";

    public SchemaInit getInitializeSchema() {
      return initializeSchema;
    }

    public void setInitializeSchema(SchemaInit initializeSchema) {
      this.initializeSchema = initializeSchema;
    }

    public String getTablePrefix() {
      return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }
  }

  /** The JPA store; it uses the JDBC store's tables (default prefix) in the application's unit. */
  public static class Jpa {
    /**
     * When the starter creates missing tables with the JDBC module's script (it needs {@code
     * channel-monitor-jdbc}), before the EntityManagerFactory starts: {@code embedded} (H2, HSQLDB,
     * Derby only), {@code always} or {@code never} (Flyway, Liquibase or Hibernate's ddl-auto).
     */
    private SchemaInit initializeSchema = SchemaInit.EMBEDDED;

    public SchemaInit getInitializeSchema() {
      return initializeSchema;
    }

    public void setInitializeSchema(SchemaInit initializeSchema) {
      this.initializeSchema = initializeSchema;
    }
  }

  /** The REST API and the status page. */
  public static class Web {
    /** Path every route sits under, for example {@code /api/v1/admin/channel-monitors}. */
    private String basePath = "/api/v1";

    /** The admin API (create, change, delete, run). */
    private final Admin admin = new Admin();

    /** The read-only user API (status and availability, nothing secret). */
    private final User user = new User();

    /** The HTML status page at {@code {base-path}/channel-monitor/status}. */
    private final StatusPage statusPage = new StatusPage();

    public String getBasePath() {
      return basePath;
    }

    public void setBasePath(String basePath) {
      this.basePath = basePath;
    }

    public Admin getAdmin() {
      return admin;
    }

    public User getUser() {
      return user;
    }

    public StatusPage getStatusPage() {
      return statusPage;
    }
  }

  /** The admin API; it has no security of its own, protect it (see the README). */
  public static class Admin {
    /** Whether the admin routes are registered. Off by default. */
    private boolean enabled = false;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The read-only user API. */
  public static class User {
    /** Whether the user routes are registered. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The HTML status page. */
  public static class StatusPage {
    /** Whether the status page is served. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The health indicator. */
  public static class Health {
    /**
     * Whether a channel whose latest check failed or errored turns the indicator DOWN. Off by
     * default: a broken upstream channel is not a broken application.
     */
    private boolean failOnChannelErrors;

    public boolean isFailOnChannelErrors() {
      return failOnChannelErrors;
    }

    public void setFailOnChannelErrors(boolean failOnChannelErrors) {
      this.failOnChannelErrors = failOnChannelErrors;
    }
  }
}
