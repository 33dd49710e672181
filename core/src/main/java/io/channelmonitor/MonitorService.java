package io.channelmonitor;

import io.channelmonitor.internal.Texts;
import io.channelmonitor.probe.ProbeRunner;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.secret.ApiKey;
import io.channelmonitor.secret.SecretCodec;
import io.channelmonitor.secret.SecretCodecException;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.ResultWriter;
import io.channelmonitor.store.StaleMonitorException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, reads, changes and deletes monitors. Input is validated before anything is stored: a
 * refusal is a {@link MonitorValidationException} with the seed's reason code and changes nothing.
 * Keys are encrypted before they reach the store and decrypted on every read; a key that cannot be
 * decrypted does not break reads, the monitor comes back with {@code keyDecryptFailed}. Obtain it
 * from {@link ChannelMonitor#monitors()}. Thread-safe.
 */
public final class MonitorService {
  /** History rows returned when the caller asks for none or a non-positive number. */
  public static final int DEFAULT_HISTORY_LIMIT = 100;

  /** Most history rows one call returns. */
  public static final int MAX_HISTORY_LIMIT = 1000;

  /** A patch is applied again on a fresh read this many times when others edit concurrently. */
  static final int MAX_UPDATE_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(MonitorService.class);

  private final ChannelMonitorStore store;
  private final SecretCodec codec;
  private final MonitorValidator validator;
  private final ProbeRunner runner;
  private final Clock clock;
  private final Scheduling scheduling;
  private final DecryptFailureLog decryptFailures = new DecryptFailureLog();
  private final ResultWriter localResults;

  /**
   * What the service tells the scheduler and asks before a manual run.
   *
   * @param scheduler keeps the timers (or the cluster's due times) in step with the stored monitors
   *     and guards manual runs
   * @param settingsProvider the global feature switch
   */
  record Scheduling(MonitorScheduler scheduler, SettingsProvider settingsProvider) {}

  MonitorService(
      ChannelMonitorStore store,
      SecretCodec codec,
      MonitorValidator validator,
      ProbeRunner runner,
      Clock clock,
      Scheduling scheduling) {
    this.store = Objects.requireNonNull(store, "store");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
    this.localResults = ResultWriter.to(store);
  }

  /**
   * Probes the monitor now, whether enabled or not, stores the results and returns them in model
   * order (primary first). It shares the one-at-a-time guard with scheduled runs and obeys the
   * global feature switch. In cluster mode it runs on this instance under the monitor's lease, so
   * no instance runs the monitor at the same time, and the monitor's next round follows it.
   *
   * @throws MonitorNotFoundException when no monitor has this id
   * @throws KeyDecryptFailedException when its key cannot be decrypted; nothing is sent
   * @throws ChannelMonitorException with {@code CHANNEL_MONITOR_DISABLED} when the switch is off,
   *     or {@code CHANNEL_MONITOR_RUN_IN_PROGRESS} when a check of this monitor is running (in
   *     cluster mode: on any instance)
   */
  public List<CheckResult> runNow(long id) {
    Monitor monitor = get(id);
    if (!switchOn()) {
      throw new ChannelMonitorException(Reason.CHANNEL_MONITOR_DISABLED, null);
    }
    return scheduling
        .scheduler()
        .runManually(id, localResults, results -> runner.run(monitor, results));
  }

  private boolean switchOn() {
    try {
      return scheduling.settingsProvider().monitoringEnabled();
    } catch (Exception e) {
      log.debug("channel_monitor: feature switch read failed, counting it as on");
      return true;
    }
  }

  /** Validates, encrypts the key and stores a new monitor. */
  public Monitor create(MonitorDraft draft) {
    Objects.requireNonNull(draft, "draft");
    MonitorValidator.Validated valid = validator.validateCreate(draft);
    Instant now = clock.instant();
    String ciphertext = codec.encrypt(valid.newKey().reveal());
    MonitorRecord stored =
        store.insertMonitor(new MonitorRecord(0, 0, valid.config(), ciphertext, now, now, null));
    Monitor created = toMonitor(stored, valid.newKey());
    scheduling.scheduler().schedule(created);
    return created;
  }

  /**
   * Applies a partial update: unset fields keep their values, a blank key keeps the stored key, and
   * the result is validated as a whole.
   *
   * @throws MonitorNotFoundException when no monitor has this id
   */
  public Monitor update(long id, MonitorPatch patch) {
    Objects.requireNonNull(patch, "patch");
    for (int attempt = 1; ; attempt++) {
      try {
        return applyPatch(require(id), patch);
      } catch (StaleMonitorException e) {
        if (attempt == MAX_UPDATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Monitor applyPatch(MonitorRecord current, MonitorPatch patch) {
    long id = current.id();
    MonitorValidator.Validated valid = validator.validateUpdate(current.config(), patch);
    ApiKey newKey = valid.newKey();
    String ciphertext =
        newKey == null ? current.apiKeyCiphertext() : codec.encrypt(newKey.reveal());
    MonitorRecord changed =
        new MonitorRecord(
            id,
            current.version(),
            valid.config(),
            ciphertext,
            current.createdAt(),
            clock.instant(),
            current.lastCheckedAt());
    MonitorRecord stored =
        store.updateMonitor(changed).orElseThrow(() -> new MonitorNotFoundException(id));
    Monitor updated = newKey == null ? decrypt(stored) : toMonitor(stored, newKey);
    scheduling.scheduler().updated(current.config(), updated, newKey != null);
    return updated;
  }

  /**
   * Deletes a monitor with its results and rollups.
   *
   * @throws MonitorNotFoundException when no monitor has this id
   */
  public void delete(long id) {
    if (!store.deleteMonitor(validId(id))) {
      throw new MonitorNotFoundException(id);
    }
    scheduling.scheduler().unschedule(id);
    runner.forget(id);
  }

  /**
   * @throws MonitorNotFoundException when no monitor has this id
   * @throws MonitorValidationException with {@code INVALID_MONITOR_ID} when {@code id <= 0}
   */
  public Monitor get(long id) {
    return decrypt(require(id));
  }

  /** One page of monitors matching the query, newest id first, with the total count. */
  public Page<Monitor> list(MonitorQuery query) {
    Page<MonitorRecord> page = store.listMonitors(Objects.requireNonNull(query, "query"));
    List<Monitor> items = page.items().stream().map(this::decrypt).toList();
    return new Page<>(items, page.total(), page.page(), page.pageSize());
  }

  /**
   * The newest results of a monitor, newest first.
   *
   * @param model one model, or null (or blank) for all
   * @param limit how many; non-positive means {@value #DEFAULT_HISTORY_LIMIT}, at most {@value
   *     #MAX_HISTORY_LIMIT}
   * @throws MonitorNotFoundException when no monitor has this id
   */
  public List<ResultRecord> history(long id, String model, int limit) {
    require(id);
    int rows = limit <= 0 ? DEFAULT_HISTORY_LIMIT : Math.min(limit, MAX_HISTORY_LIMIT);
    return store.history(id, Texts.isBlank(model) ? null : model.trim(), rows);
  }

  private MonitorRecord require(long id) {
    return store.findMonitor(validId(id)).orElseThrow(() -> new MonitorNotFoundException(id));
  }

  private static long validId(long id) {
    if (id <= 0) {
      throw new MonitorValidationException(Reason.INVALID_MONITOR_ID);
    }
    return id;
  }

  Monitor decrypt(MonitorRecord stored) {
    try {
      Monitor monitor = toMonitor(stored, ApiKey.of(codec.decrypt(stored.apiKeyCiphertext())));
      decryptFailures.decrypted(stored.id());
      return monitor;
    } catch (SecretCodecException e) {
      decryptFailures.failed(stored.id(), stored.apiKeyCiphertext(), e);
      return new Monitor(
          stored.id(),
          stored.config(),
          ApiKey.EMPTY,
          true,
          stored.createdAt(),
          stored.updatedAt(),
          stored.lastCheckedAt());
    }
  }

  private static Monitor toMonitor(MonitorRecord stored, ApiKey key) {
    return new Monitor(
        stored.id(),
        stored.config(),
        key,
        false,
        stored.createdAt(),
        stored.updatedAt(),
        stored.lastCheckedAt());
  }
}
