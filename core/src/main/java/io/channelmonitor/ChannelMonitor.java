package io.channelmonitor;

import io.channelmonitor.history.AvailabilityCalculator;
import io.channelmonitor.history.RollupJob;
import io.channelmonitor.internal.DaemonThreads;
import io.channelmonitor.probe.AnthropicChecker;
import io.channelmonitor.probe.Challenge;
import io.channelmonitor.probe.ChannelChecker;
import io.channelmonitor.probe.GeminiChecker;
import io.channelmonitor.probe.HttpClientProbeTransport;
import io.channelmonitor.probe.OpenAiChecker;
import io.channelmonitor.probe.ProbeRunner;
import io.channelmonitor.probe.ProbeTransport;
import io.channelmonitor.probe.ProbeTransportConfig;
import io.channelmonitor.probe.WordChallenge;
import io.channelmonitor.schedule.ClusterCoordinator;
import io.channelmonitor.schedule.InFlightGuard;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.MonitorSchedulerBuilder;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.schedule.TaskTimer;
import io.channelmonitor.secret.AesGcmSecretCodec;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.secret.SecretCodec;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfGuard;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.store.ResultWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

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
  /** How long {@link #close()} waits for running checks before it interrupts them. */
  public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final ChannelMonitorStore store;
  private final ChannelMonitorSettings settings;
  private final Clock clock;
  private final SsrfGuard ssrfGuard;
  private final ProbeTransport transport;
  private final ExecutorService probeExecutor;
  private final MonitorService monitors;
  private final ProbeRunner runner;
  private final MonitorScheduler scheduler;
  private final AvailabilityCalculator availability;
  private final RollupJob rollupJob;
  private final RollupSchedule rollupSchedule;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ChannelMonitor(Builder builder) {
    this.store = builder.store != null ? builder.store : new InMemoryStore(builder.clock);
    this.settings = builder.settings;
    this.clock = builder.clock;
    this.ssrfGuard = new SsrfGuard(builder.ssrfPolicy, builder.hostResolver);
    SecretCodec codec = builder.codecFor(store);
    this.transport = builder.transport != null ? builder.transport : defaultTransport(builder);
    this.probeExecutor =
        Executors.newCachedThreadPool(DaemonThreads.named("channel-monitor-probe"));
    this.runner =
        ProbeRunner.create(
            builder.checkers,
            builder.challenge,
            transport,
            store,
            probeExecutor,
            settings,
            clock,
            builder.meterRegistry,
            builder.listeners);
    MonitorValidator validator =
        new MonitorValidator(
            builder.checkers.keySet(), raw -> ssrfGuard.checkEndpoint(raw).url(), settings);
    InFlightGuard inFlight = new InFlightGuard();
    this.scheduler = scheduler(builder, inFlight);
    this.monitors =
        new MonitorService(
            store,
            codec,
            validator,
            runner,
            clock,
            new MonitorService.Scheduling(scheduler, builder.settingsProvider));
    this.availability = new AvailabilityCalculator(store, settings, clock);
    this.rollupJob = new RollupJob(store, settings, clock, builder.meterRegistry, instanceId());
    this.rollupSchedule = new RollupSchedule(rollupJob);
  }

  /**
   * Starts the background work: the scheduler (the first runs of the enabled monitors spread over
   * their intervals) and the daily rollup job (run at once when its watermark is behind). Calling
   * it again does nothing.
   */
  public ChannelMonitor start() {
    ensureOpen();
    if (started.compareAndSet(false, true)) {
      scheduler.start();
      rollupSchedule.start();
    }
    return this;
  }

  /** The scheduler: one timer per enabled monitor. */
  public MonitorScheduler scheduler() {
    return scheduler;
  }

  /** Availability, latest status and timelines for many monitors at once. */
  public AvailabilityCalculator availability() {
    ensureOpen();
    return availability;
  }

  /** The daily rollup and pruning job; {@link #start()} schedules it. */
  public RollupJob rollupJob() {
    return rollupJob;
  }

  private MonitorScheduler scheduler(Builder builder, InFlightGuard inFlight) {
    MonitorSchedulerBuilder schedule =
        MonitorScheduler.builder(this::loadEnabledMonitors, this::runScheduled)
            .settingsProvider(builder.settingsProvider)
            .coordinator(builder.clusterCoordinator)
            .claimedRunAction(this::runClaimed)
            .inFlightGuard(inFlight)
            .settings(settings)
            .clock(clock)
            .meterRegistry(builder.meterRegistry);
    if (builder.schedulerTimer != null) {
      schedule.timer(builder.schedulerTimer);
    }
    if (builder.checkExecutor != null) {
      schedule.checkExecutor(builder.checkExecutor);
    }
    return schedule.build();
  }

  private List<Monitor> loadEnabledMonitors() {
    return store.listEnabledMonitors().stream().map(monitors::decrypt).toList();
  }

  private void runScheduled(long id) {
    Monitor monitor = monitors.get(id);
    if (monitor.enabled()) {
      runner.run(monitor);
    }
  }

  private void runClaimed(long id, ResultWriter results) {
    Monitor monitor = monitors.get(id);
    if (monitor.enabled()) {
      runner.run(monitor, results);
    }
  }

  private static String instanceId() {
    return "channel-monitor-" + UUID.randomUUID();
  }

  private ProbeTransport defaultTransport(Builder builder) {
    ProbeTransportConfig config =
        ProbeTransportConfig.defaults()
            .withConnectTimeout(settings.connectTimeout())
            .withMaxConnections(Math.max(settings.maxConnections(), settings.maxConcurrentChecks()))
            .withMaxResponseBytes(settings.maxResponseBytes())
            .withSslContext(builder.sslContext);
    return new HttpClientProbeTransport(ssrfGuard, config);
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

  /**
   * Closes this instance: waits up to {@link #CLOSE_WAIT} for running checks, then interrupts them,
   * and releases the HTTP connections. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    scheduler.stop();
    rollupSchedule.stop();
    probeExecutor.shutdown();
    try {
      if (!probeExecutor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        probeExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      probeExecutor.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      transport.close();
    }
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
    private final Map<String, ChannelChecker> checkers = new LinkedHashMap<>();
    private Challenge challenge = new WordChallenge();
    private ProbeTransport transport;
    private SSLContext sslContext;
    private MeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final List<CheckListener> listeners = new ArrayList<>();
    private SettingsProvider settingsProvider = SettingsProvider.alwaysOn();
    private ClusterCoordinator clusterCoordinator = ClusterCoordinator.singleInstance();
    private TaskTimer schedulerTimer;
    private Executor checkExecutor;

    private Builder() {
      checker(new OpenAiChecker());
      checker(new AnthropicChecker());
      checker(new GeminiChecker());
    }

    /** Registers a checker for its provider id, replacing a built-in one with the same id. */
    public Builder checker(ChannelChecker value) {
      Objects.requireNonNull(value, "checker");
      checkers.put(value.providerId(), value);
      return this;
    }

    /** The question probes ask; a {@link WordChallenge} when not set. */
    public Builder challenge(Challenge value) {
      this.challenge = Objects.requireNonNull(value, "challenge");
      return this;
    }

    /** How probes are sent; the SSRF-proof HttpClient 5 transport when not set. */
    public Builder transport(ProbeTransport value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /** Trust material for the default transport; the JVM's default trust store when not set. */
    public Builder sslContext(SSLContext value) {
      this.sslContext = Objects.requireNonNull(value, "sslContext");
      return this;
    }

    /** The global feature switch, read at every scheduled fire and manual run; always on. */
    public Builder settingsProvider(SettingsProvider value) {
      this.settingsProvider = Objects.requireNonNull(value, "settingsProvider");
      return this;
    }

    /**
     * Decides which instance runs a due check; this instance alone when not set. Cluster mode: a
     * {@code SharedScheduleCoordinator} such as {@code JdbcClusterCoordinator} on the database the
     * store uses (see the README).
     */
    public Builder clusterCoordinator(ClusterCoordinator value) {
      this.clusterCoordinator = Objects.requireNonNull(value, "clusterCoordinator");
      return this;
    }

    /** The scheduler's timer; a real one when not set. Tests pass a {@code ManualTaskTimer}. */
    public Builder schedulerTimer(TaskTimer value) {
      this.schedulerTimer = Objects.requireNonNull(value, "schedulerTimer");
      return this;
    }

    /**
     * Runs scheduled checks; virtual threads (Java 21+) or a bounded pool when not set. Tests pass
     * {@code Runnable::run} to run checks on the timer's thread. Never shut down by the library.
     */
    public Builder checkExecutor(Executor value) {
      this.checkExecutor = Objects.requireNonNull(value, "checkExecutor");
      return this;
    }

    /** Adds a listener for runs and status changes. */
    public Builder listener(CheckListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /** Where the library's meters go; a private registry when not set. */
    public Builder meterRegistry(MeterRegistry value) {
      this.meterRegistry = Objects.requireNonNull(value, "meterRegistry");
      return this;
    }

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
