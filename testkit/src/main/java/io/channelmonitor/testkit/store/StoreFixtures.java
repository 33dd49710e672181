package io.channelmonitor.testkit.store;

import io.channelmonitor.ApiMode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid monitors and results for store tests, with defaults for every field so a test names only
 * what it is about. Every default instant has millisecond precision.
 */
public final class StoreFixtures {
  /** The default model: the primary model of {@link #monitor()}. */
  public static final String MODEL = "gpt-4o-mini";

  /** The default creation time and the start of {@link ManualClock#start()}. */
  public static final Instant T0 = ManualClock.DEFAULT_START;

  private StoreFixtures() {}

  /** A builder of an enabled {@code openai} monitor of {@link #MODEL}, created at {@link #T0}. */
  public static MonitorBuilder monitor() {
    return new MonitorBuilder();
  }

  /** A builder of an operational result of {@code model} checked at {@code checkedAt}. */
  public static ResultBuilder result(String model, Instant checkedAt) {
    return new ResultBuilder(model, checkedAt);
  }

  /** A builder of an operational result of {@link #MODEL} checked at {@code checkedAt}. */
  public static ResultBuilder result(Instant checkedAt) {
    return new ResultBuilder(MODEL, checkedAt);
  }

  /** Midnight UTC at the start of {@code day}. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Builds a {@link MonitorConfig} and a {@link MonitorRecord}. */
  public static final class MonitorBuilder {
    private String name = "monitor";
    private String provider = "openai";
    private String endpoint = "https://api.example.com";
    private String primaryModel = MODEL;
    private List<String> extraModels = List.of();
    private String groupName = "";
    private boolean enabled = true;
    private int intervalSeconds = 60;
    private int jitterSeconds;
    private ApiMode apiMode = ApiMode.CHAT_COMPLETIONS;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private BodyOverrideMode bodyOverrideMode = BodyOverrideMode.OFF;
    private String bodyOverride;
    private boolean stream;
    private String apiKeyCiphertext = "v1.k1.bm9uY2U.Y2lwaGVydGV4dA";
    private Instant createdAt = T0;
    private Instant updatedAt = T0;
    private Instant lastCheckedAt;

    private MonitorBuilder() {}

    public MonitorBuilder name(String value) {
      name = value;
      return this;
    }

    public MonitorBuilder provider(String value) {
      provider = value;
      return this;
    }

    public MonitorBuilder endpoint(String value) {
      endpoint = value;
      return this;
    }

    public MonitorBuilder primaryModel(String value) {
      primaryModel = value;
      return this;
    }

    public MonitorBuilder extraModels(String... values) {
      extraModels = List.of(values);
      return this;
    }

    public MonitorBuilder group(String value) {
      groupName = value;
      return this;
    }

    public MonitorBuilder enabled(boolean value) {
      enabled = value;
      return this;
    }

    public MonitorBuilder interval(int seconds, int jitter) {
      intervalSeconds = seconds;
      jitterSeconds = jitter;
      return this;
    }

    public MonitorBuilder apiMode(ApiMode value) {
      apiMode = value;
      return this;
    }

    /** Adds an extra header; headers keep the order they were added in. */
    public MonitorBuilder header(String headerName, String value) {
      extraHeaders.put(headerName, value);
      return this;
    }

    public MonitorBuilder bodyOverride(BodyOverrideMode mode, String json) {
      bodyOverrideMode = mode;
      bodyOverride = json;
      return this;
    }

    public MonitorBuilder stream(boolean value) {
      stream = value;
      return this;
    }

    public MonitorBuilder apiKeyCiphertext(String value) {
      apiKeyCiphertext = value;
      return this;
    }

    /** Sets the creation time and the last change to {@code at}. */
    public MonitorBuilder createdAt(Instant at) {
      createdAt = at;
      updatedAt = at;
      return this;
    }

    public MonitorBuilder updatedAt(Instant at) {
      updatedAt = at;
      return this;
    }

    public MonitorBuilder lastCheckedAt(Instant at) {
      lastCheckedAt = at;
      return this;
    }

    public MonitorConfig config() {
      return new MonitorConfig(
          name,
          provider,
          endpoint,
          primaryModel,
          extraModels,
          groupName,
          enabled,
          intervalSeconds,
          jitterSeconds,
          apiMode,
          extraHeaders,
          bodyOverrideMode,
          bodyOverride,
          stream);
    }

    /** The monitor as a store receives it: id 0. */
    public MonitorRecord record() {
      return new MonitorRecord(
          0, 0, config(), apiKeyCiphertext, createdAt, updatedAt, lastCheckedAt);
    }
  }

  /** Builds a {@link CheckResult} and a {@link ResultRecord}. */
  public static final class ResultBuilder {
    private final String model;
    private final Instant checkedAt;
    private CheckStatus status = CheckStatus.OPERATIONAL;
    private FailureKind failureKind = FailureKind.NONE;
    private long latencyMs = 100;
    private Long firstTokenLatencyMs;
    private Long pingLatencyMs;
    private String message = "";

    private ResultBuilder(String model, Instant checkedAt) {
      this.model = model;
      this.checkedAt = checkedAt;
    }

    /** Sets the status; the failure kind stays {@link FailureKind#NONE}. */
    public ResultBuilder status(CheckStatus value) {
      status = value;
      return this;
    }

    public ResultBuilder failure(CheckStatus value, FailureKind kind) {
      status = value;
      failureKind = kind;
      return this;
    }

    public ResultBuilder latency(long millis) {
      latencyMs = millis;
      return this;
    }

    public ResultBuilder firstToken(Long millis) {
      firstTokenLatencyMs = millis;
      return this;
    }

    public ResultBuilder ping(Long millis) {
      pingLatencyMs = millis;
      return this;
    }

    public ResultBuilder message(String value) {
      message = value;
      return this;
    }

    public CheckResult build() {
      return new CheckResult(
          model,
          status,
          failureKind,
          latencyMs,
          firstTokenLatencyMs,
          pingLatencyMs,
          message,
          checkedAt);
    }

    /** The result as a store receives it: id 0, for monitor {@code monitorId}. */
    public ResultRecord of(long monitorId) {
      return new ResultRecord(0, monitorId, build());
    }
  }
}
