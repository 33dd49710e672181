package io.channelmonitor;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Library-wide settings, immutable. Build with {@link #builder()}; every default is a {@code
 * DEFAULT_*} constant so adapters (the Spring Boot properties) reuse one source of truth.
 */
public final class ChannelMonitorSettings {
  /** Interval of a new monitor whose draft sets none. */
  public static final int DEFAULT_INTERVAL_SECONDS = 60;

  /** Shortest allowed interval. */
  public static final int MIN_INTERVAL_SECONDS = 15;

  /** Longest allowed interval. */
  public static final int MAX_INTERVAL_SECONDS = 3600;

  /** A correct answer slower than this is degraded. */
  public static final Duration DEFAULT_DEGRADED_THRESHOLD = Duration.ofMillis(6000);

  /** Longest probe request: connect, headers and body. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(45);

  /** Longest HEAD ping of the origin. */
  public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(8);

  /** Longest TCP connect and TLS handshake. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Byte cap of every response body. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

  /** Output token cap of a probe. */
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 32;

  /** Output token cap for reasoning models, which spend tokens before they answer. */
  public static final int DEFAULT_REASONING_MAX_OUTPUT_TOKENS = 2048;

  /** Model names treated as reasoning models (case-insensitive, whole name). */
  public static final String DEFAULT_REASONING_MODEL_PATTERN =
      "(?i)(o\\d.*|gpt-5.*|.*thinking.*|.*reason.*|.*-r1.*|gemini-2\\.5.*|gemini-3.*)";

  /** Models of one monitor probed at the same time. */
  public static final int DEFAULT_MODEL_CONCURRENCY = 4;

  /** Connections the shared transport keeps open at most. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  /** Checks in flight at once over all monitors; the HTTP pool is sized to match. */
  public static final int DEFAULT_MAX_CONCURRENT_CHECKS = 64;

  /** Due runs that may wait for a free slot; beyond this a due run is skipped and counted. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1024;

  /** How long stop() waits for running checks before it interrupts them. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

  /** Raw results older than this many days are pruned (once rolled up). */
  public static final int DEFAULT_RAW_RETENTION_DAYS = 7;

  /** Daily rollups older than this many days are pruned. */
  public static final int DEFAULT_ROLLUP_RETENTION_DAYS = 90;

  /** Days the rollup job fills in at most per run. */
  public static final int DEFAULT_MAX_BACKFILL_DAYS = 35;

  /** Rows deleted per statement when pruning. */
  public static final int DEFAULT_PRUNE_BATCH_SIZE = 5000;

  /** Points in a monitor's timeline. */
  public static final int DEFAULT_TIMELINE_POINTS = 60;

  /** Whether check meters carry a {@code model} tag (more series; off by default). */
  public static final boolean DEFAULT_MODEL_METRIC_TAG = false;

  private final int defaultIntervalSeconds;
  private final Duration degradedThreshold;
  private final Duration requestTimeout;
  private final Duration pingTimeout;
  private final Duration connectTimeout;
  private final int maxResponseBytes;
  private final int maxOutputTokens;
  private final int reasoningMaxOutputTokens;
  private final Pattern reasoningModelPattern;
  private final int modelConcurrency;
  private final int maxConnections;
  private final int maxConcurrentChecks;
  private final int queueCapacity;
  private final Duration stopTimeout;
  private final int rawRetentionDays;
  private final int rollupRetentionDays;
  private final int maxBackfillDays;
  private final int pruneBatchSize;
  private final int timelinePoints;
  private final boolean modelMetricTag;

  private ChannelMonitorSettings(Builder b) {
    this.defaultIntervalSeconds = b.defaultIntervalSeconds;
    this.degradedThreshold = b.degradedThreshold;
    this.requestTimeout = b.requestTimeout;
    this.pingTimeout = b.pingTimeout;
    this.connectTimeout = b.connectTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxOutputTokens = b.maxOutputTokens;
    this.reasoningMaxOutputTokens = b.reasoningMaxOutputTokens;
    this.reasoningModelPattern = b.reasoningModelPattern;
    this.modelConcurrency = b.modelConcurrency;
    this.maxConnections = b.maxConnections;
    this.maxConcurrentChecks = b.maxConcurrentChecks;
    this.queueCapacity = b.queueCapacity;
    this.stopTimeout = b.stopTimeout;
    this.rawRetentionDays = b.rawRetentionDays;
    this.rollupRetentionDays = b.rollupRetentionDays;
    this.maxBackfillDays = b.maxBackfillDays;
    this.pruneBatchSize = b.pruneBatchSize;
    this.timelinePoints = b.timelinePoints;
    this.modelMetricTag = b.modelMetricTag;
  }

  /** The settings with every default. */
  public static ChannelMonitorSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .defaultIntervalSeconds(defaultIntervalSeconds)
        .degradedThreshold(degradedThreshold)
        .requestTimeout(requestTimeout)
        .pingTimeout(pingTimeout)
        .connectTimeout(connectTimeout)
        .maxResponseBytes(maxResponseBytes)
        .maxOutputTokens(maxOutputTokens)
        .reasoningMaxOutputTokens(reasoningMaxOutputTokens)
        .reasoningModelPattern(reasoningModelPattern.pattern())
        .modelConcurrency(modelConcurrency)
        .maxConnections(maxConnections)
        .maxConcurrentChecks(maxConcurrentChecks)
        .queueCapacity(queueCapacity)
        .stopTimeout(stopTimeout)
        .rawRetentionDays(rawRetentionDays)
        .rollupRetentionDays(rollupRetentionDays)
        .maxBackfillDays(maxBackfillDays)
        .pruneBatchSize(pruneBatchSize)
        .timelinePoints(timelinePoints)
        .modelMetricTag(modelMetricTag);
  }

  public int defaultIntervalSeconds() {
    return defaultIntervalSeconds;
  }

  public Duration degradedThreshold() {
    return degradedThreshold;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration pingTimeout() {
    return pingTimeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  public int maxOutputTokens() {
    return maxOutputTokens;
  }

  public int reasoningMaxOutputTokens() {
    return reasoningMaxOutputTokens;
  }

  /** Whether {@code model} is a reasoning model and gets the larger token cap. */
  public boolean isReasoningModel(String model) {
    return reasoningModelPattern.matcher(model).matches();
  }

  /** The output token cap for {@code model}. */
  public int outputTokensFor(String model) {
    return isReasoningModel(model) ? reasoningMaxOutputTokens : maxOutputTokens;
  }

  public int modelConcurrency() {
    return modelConcurrency;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public int maxConcurrentChecks() {
    return maxConcurrentChecks;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  public int rawRetentionDays() {
    return rawRetentionDays;
  }

  public int rollupRetentionDays() {
    return rollupRetentionDays;
  }

  public int maxBackfillDays() {
    return maxBackfillDays;
  }

  public int pruneBatchSize() {
    return pruneBatchSize;
  }

  public int timelinePoints() {
    return timelinePoints;
  }

  public boolean modelMetricTag() {
    return modelMetricTag;
  }

  @Override
  public String toString() {
    return "ChannelMonitorSettings[defaultIntervalSeconds="
        + defaultIntervalSeconds
        + ", degradedThreshold="
        + degradedThreshold
        + ", requestTimeout="
        + requestTimeout
        + ", pingTimeout="
        + pingTimeout
        + ", connectTimeout="
        + connectTimeout
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", maxOutputTokens="
        + maxOutputTokens
        + ", reasoningMaxOutputTokens="
        + reasoningMaxOutputTokens
        + ", modelConcurrency="
        + modelConcurrency
        + ", maxConnections="
        + maxConnections
        + "]";
  }

  /** Validates each value as it is set; the message names the bad value. */
  public static final class Builder {
    private int defaultIntervalSeconds = DEFAULT_INTERVAL_SECONDS;
    private Duration degradedThreshold = DEFAULT_DEGRADED_THRESHOLD;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration pingTimeout = DEFAULT_PING_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
    private int reasoningMaxOutputTokens = DEFAULT_REASONING_MAX_OUTPUT_TOKENS;
    private Pattern reasoningModelPattern = Pattern.compile(DEFAULT_REASONING_MODEL_PATTERN);
    private int modelConcurrency = DEFAULT_MODEL_CONCURRENCY;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxConcurrentChecks = DEFAULT_MAX_CONCURRENT_CHECKS;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
    private int rawRetentionDays = DEFAULT_RAW_RETENTION_DAYS;
    private int rollupRetentionDays = DEFAULT_ROLLUP_RETENTION_DAYS;
    private int maxBackfillDays = DEFAULT_MAX_BACKFILL_DAYS;
    private int pruneBatchSize = DEFAULT_PRUNE_BATCH_SIZE;
    private int timelinePoints = DEFAULT_TIMELINE_POINTS;
    private boolean modelMetricTag = DEFAULT_MODEL_METRIC_TAG;

    private Builder() {}

    /** Interval given to a new monitor whose draft sets none; 15..3600. */
    public Builder defaultIntervalSeconds(int seconds) {
      this.defaultIntervalSeconds =
          inRange("defaultIntervalSeconds", seconds, MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS);
      return this;
    }

    /** A correct answer at least this slow is degraded; positive. */
    public Builder degradedThreshold(Duration value) {
      this.degradedThreshold = positive("degradedThreshold", value);
      return this;
    }

    /** Longest probe request, body included; positive. */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive("requestTimeout", value);
      return this;
    }

    /** Longest origin ping; positive. */
    public Builder pingTimeout(Duration value) {
      this.pingTimeout = positive("pingTimeout", value);
      return this;
    }

    /** Longest connect and TLS handshake; positive. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connectTimeout", value);
      return this;
    }

    /** Byte cap of every response body; 1 KiB..16 MiB. */
    public Builder maxResponseBytes(int value) {
      this.maxResponseBytes = inRange("maxResponseBytes", value, 1024, 16 * 1024 * 1024);
      return this;
    }

    /** Output token cap of a probe; 1..4096. */
    public Builder maxOutputTokens(int value) {
      this.maxOutputTokens = inRange("maxOutputTokens", value, 1, 4096);
      return this;
    }

    /** Output token cap of a reasoning model's probe; 1..65536. */
    public Builder reasoningMaxOutputTokens(int value) {
      this.reasoningMaxOutputTokens = inRange("reasoningMaxOutputTokens", value, 1, 65536);
      return this;
    }

    /** A regular expression matched against the whole model name. */
    public Builder reasoningModelPattern(String regex) {
      this.reasoningModelPattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
      return this;
    }

    /** Models of one monitor probed at the same time; 1..32. */
    public Builder modelConcurrency(int value) {
      this.modelConcurrency = inRange("modelConcurrency", value, 1, 32);
      return this;
    }

    /** Connections the shared transport keeps open at most; 1..10000. */
    public Builder maxConnections(int value) {
      this.maxConnections = inRange("maxConnections", value, 1, 10_000);
      return this;
    }

    /** Checks in flight at once over all monitors; 1..100000. */
    public Builder maxConcurrentChecks(int value) {
      this.maxConcurrentChecks = inRange("maxConcurrentChecks", value, 1, 100_000);
      return this;
    }

    /** Due runs that may wait for a slot; 0..1000000 (0: skip when all slots are busy). */
    public Builder queueCapacity(int value) {
      this.queueCapacity = inRange("queueCapacity", value, 0, 1_000_000);
      return this;
    }

    /** How long stop() waits for running checks before interrupting them; positive. */
    public Builder stopTimeout(Duration value) {
      this.stopTimeout = positive("stopTimeout", value);
      return this;
    }

    /** Days raw results are kept; 1..3650. */
    public Builder rawRetentionDays(int value) {
      this.rawRetentionDays = inRange("rawRetentionDays", value, 1, 3650);
      return this;
    }

    /** Days daily rollups are kept; 1..3650. */
    public Builder rollupRetentionDays(int value) {
      this.rollupRetentionDays = inRange("rollupRetentionDays", value, 1, 3650);
      return this;
    }

    /** Days the rollup job fills in at most per run; 1..366. */
    public Builder maxBackfillDays(int value) {
      this.maxBackfillDays = inRange("maxBackfillDays", value, 1, 366);
      return this;
    }

    /** Rows deleted per statement when pruning; 1..100000. */
    public Builder pruneBatchSize(int value) {
      this.pruneBatchSize = inRange("pruneBatchSize", value, 1, 100_000);
      return this;
    }

    /** Points in a monitor's timeline; 1..200. */
    public Builder timelinePoints(int value) {
      this.timelinePoints = inRange("timelinePoints", value, 1, 200);
      return this;
    }

    /** Whether check meters carry a {@code model} tag. */
    public Builder modelMetricTag(boolean value) {
      this.modelMetricTag = value;
      return this;
    }

    public ChannelMonitorSettings build() {
      return new ChannelMonitorSettings(this);
    }

    private static int inRange(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "]: " + value);
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
