package io.channelmonitor;

import io.channelmonitor.secret.AesGcmSecretCodec;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.secret.SecretCodec;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfGuard;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The library's entry point: one object per host application, built with {@link #builder()} and
 * closed with the application.
 *
 * <pre>{@code
 * try (ChannelMonitor monitor = ChannelMonitor.builder().store(store).keyRing(ring).build()) {
 *   Monitor m = monitor.monitors().create(MonitorDraft.builder()...build());
 * }
 * }</pre>
 */
public final class ChannelMonitor implements AutoCloseable {
  /** The providers the library probes out of the box. */
  public static final Set<String> BUILT_IN_PROVIDERS = Set.of("openai", "anthropic", "gemini");

  private final ChannelMonitorStore store;
  private final ChannelMonitorSettings settings;
  private final Clock clock;
  private final SsrfGuard ssrfGuard;
  private final MonitorService monitors;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ChannelMonitor(Builder builder) {
    this.store = builder.store != null ? builder.store : new InMemoryStore(builder.clock);
    this.settings = builder.settings;
    this.clock = builder.clock;
    this.ssrfGuard = new SsrfGuard(builder.ssrfPolicy, builder.hostResolver);
    SecretCodec codec = builder.codecFor(store);
    MonitorValidator validator =
        new MonitorValidator(
            BUILT_IN_PROVIDERS, raw -> ssrfGuard.checkEndpoint(raw).url(), settings);
    this.monitors = new MonitorService(store, codec, validator, clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Create, read, change and delete monitors. */
  public MonitorService monitors() {
    ensureOpen();
    return monitors;
  }

  /** The store this instance reads and writes. */
  public ChannelMonitorStore store() {
    return store;
  }

  public ChannelMonitorSettings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  /** The SSRF guard every endpoint passes, at save time and at connect time. */
  public SsrfGuard ssrfGuard() {
    return ssrfGuard;
  }

  /** Closes this instance; calling it again does nothing. */
  @Override
  public void close() {
    closed.set(true);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("ChannelMonitor is closed");
    }
  }

  /** Collects the parts; every part has a safe default except the key for persistent stores. */
  public static final class Builder {
    private ChannelMonitorStore store;
    private SecretCodec secretCodec;
    private KeyRing keyRing;
    private SsrfPolicy ssrfPolicy = SsrfPolicy.strict();
    private HostResolver hostResolver = HostResolver.system();
    private Clock clock = Clock.systemUTC();
    private ChannelMonitorSettings settings = ChannelMonitorSettings.defaults();

    private Builder() {}

    /** Where monitors and results live; an {@link InMemoryStore} when not set. */
    public Builder store(ChannelMonitorStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** The codec for stored API keys; takes precedence over {@link #keyRing(KeyRing)}. */
    public Builder secretCodec(SecretCodec value) {
      this.secretCodec = Objects.requireNonNull(value, "secretCodec");
      return this;
    }

    /** Host-supplied AES-256 keys for the default {@link AesGcmSecretCodec}. */
    public Builder keyRing(KeyRing value) {
      this.keyRing = Objects.requireNonNull(value, "keyRing");
      return this;
    }

    /** Which endpoints may be probed; {@link SsrfPolicy#strict()} when not set. */
    public Builder ssrfPolicy(SsrfPolicy value) {
      this.ssrfPolicy = Objects.requireNonNull(value, "ssrfPolicy");
      return this;
    }

    /** How host names are resolved; the system resolver when not set. Tests pass a fake. */
    public Builder hostResolver(HostResolver value) {
      this.hostResolver = Objects.requireNonNull(value, "hostResolver");
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder settings(ChannelMonitorSettings value) {
      this.settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /**
     * @throws IllegalStateException when a persistent store is given without a codec or key ring
     */
    public ChannelMonitor build() {
      return new ChannelMonitor(this);
    }

    private SecretCodec codecFor(ChannelMonitorStore chosen) {
      if (secretCodec != null) {
        return secretCodec;
      }
      if (keyRing != null) {
        return new AesGcmSecretCodec(keyRing);
      }
      if (chosen.persistent()) {
        throw new IllegalStateException(
            "a persistent store needs a secretCodec or keyRing: stored API keys must stay"
                + " readable after a restart");
      }
      return new AesGcmSecretCodec(KeyRing.ephemeral());
    }
  }
}
