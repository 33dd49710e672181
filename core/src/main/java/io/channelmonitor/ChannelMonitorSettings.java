package io.channelmonitor;

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

  private final int defaultIntervalSeconds;

  private ChannelMonitorSettings(Builder builder) {
    this.defaultIntervalSeconds = builder.defaultIntervalSeconds;
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
    return new Builder().defaultIntervalSeconds(defaultIntervalSeconds);
  }

  public int defaultIntervalSeconds() {
    return defaultIntervalSeconds;
  }

  @Override
  public String toString() {
    return "ChannelMonitorSettings[defaultIntervalSeconds=" + defaultIntervalSeconds + "]";
  }

  /** Validates each value as it is set. */
  public static final class Builder {
    private int defaultIntervalSeconds = DEFAULT_INTERVAL_SECONDS;

    private Builder() {}

    /** Interval given to a new monitor whose draft sets none; 15..3600. */
    public Builder defaultIntervalSeconds(int seconds) {
      if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
        throw new IllegalArgumentException(
            "defaultIntervalSeconds must be in [15, 3600]: " + seconds);
      }
      this.defaultIntervalSeconds = seconds;
      return this;
    }

    public ChannelMonitorSettings build() {
      return new ChannelMonitorSettings(this);
    }
  }
}
