package io.channelmonitor.jdbc;

import io.channelmonitor.schedule.RunClaim;
import io.channelmonitor.schedule.SharedScheduleCoordinator;
import io.channelmonitor.store.ResultRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Cluster mode on a JDBC database (PostgreSQL or H2): several instances of the library on one
 * database run each due check once. Give every instance one, on the database its store uses:
 *
 * <pre>{@code
 * ChannelMonitor.builder()
 *     .store(JdbcStore.builder(dataSource).build())
 *     .clusterCoordinator(JdbcClusterCoordinator.builder(dataSource).build())
 *     ...
 * }</pre>
 *
 * <p>Each monitor's next due time and the lease of its run are a row of {@code
 * channel_monitor_schedule}; each instance a row of {@code channel_monitor_instances} with its
 * heartbeat. Due times, leases and heartbeats are the database's {@code CURRENT_TIMESTAMP} plus a
 * length, so instance clocks that disagree by minutes cannot run a check twice. A claim sets the
 * owner and the lease end and raises the claim token in one conditional statement ({@code SKIP
 * LOCKED} on PostgreSQL); the completion stores the results, records the check, frees the lease and
 * sets the next due time in one transaction that requires the owner and the token, so a run whose
 * lease expired and was taken over stores nothing. Heartbeats keep the leases of running checks
 * alive; an instance that dies or freezes stops them, and its monitors are claimed by another
 * instance once their leases have ended.
 *
 * <p>The injected {@link Clock} only paces the heartbeat. Thread-safe; the coordinator starts no
 * thread (the scheduler's poll calls it), and one instance of it serves one {@code ChannelMonitor}.
 */
public final class JdbcClusterCoordinator implements SharedScheduleCoordinator {
  /** How often the scheduler polls for due runs by default. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  /** How often an instance writes its heartbeat (and extends its leases) by default. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

  /**
   * How long a claim holds without a heartbeat by default: a dead instance's monitors are taken
   * over this long after its last heartbeat, at the latest.
   */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(30);

  /** Rows of instances silent for this many lease times are deleted from the instances table. */
  static final int FORGET_AFTER_LEASES = 20;

  private final String instanceId;
  private final Duration pollInterval;
  private final Duration heartbeatInterval;
  private final long leaseMillis;
  private final Clock clock;
  private final ClaimRows claims;
  private final ScheduleRows schedule;
  private final InstanceRows instances;
  private final Map<Long, RunClaim> held = new ConcurrentHashMap<>();
  private final Object beatLock = new Object();
  private Instant lastBeat;
  private volatile int live = 1;

  private JdbcClusterCoordinator(Builder b, Jdbc jdbc, JdbcDialect dialect, Tables tables) {
    this.instanceId = b.instanceId;
    this.pollInterval = b.pollInterval;
    this.heartbeatInterval = b.heartbeatInterval;
    this.leaseMillis = b.leaseTime.toMillis();
    this.clock = b.clock;
    this.claims = new ClaimRows(jdbc, dialect, tables);
    this.schedule = new ScheduleRows(jdbc, dialect, tables);
    this.instances = new InstanceRows(jdbc, dialect, tables);
  }

  /** A builder of a coordinator on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The name this instance holds leases under. */
  public String instanceId() {
    return instanceId;
  }

  @Override
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Registers this instance and gives monitors without a due time one within their interval. */
  @Override
  public void join() {
    beat();
  }

  /** Writes the heartbeat when {@code heartbeatInterval} has passed since the last one. */
  @Override
  public int heartbeat() {
    synchronized (beatLock) {
      if (lastBeat != null && clock.instant().isBefore(lastBeat.plus(heartbeatInterval))) {
        return live;
      }
    }
    return beat();
  }

  /**
   * Registers or refreshes this instance, extends the leases of its running claims and adds the due
   * times of monitors created without one (by an instance not in cluster mode, say).
   */
  private int beat() {
    live = instances.beat(instanceId, leaseMillis, leaseMillis * FORGET_AFTER_LEASES);
    schedule.extend(instanceId, held.keySet(), leaseMillis);
    schedule.addMissing();
    synchronized (beatLock) {
      lastBeat = clock.instant();
    }
    return live;
  }

  /**
   * Claims at most {@code max} due runs, and at most this instance's share of the runs due now:
   * {@code ceil(due / live instances)}, so that instances polling one after the other split them.
   */
  @Override
  public List<RunClaim> claimDue(int max) {
    if (max <= 0) {
      return List.of();
    }
    int instancesAlive = Math.max(1, live);
    int due = claims.countDue((int) Math.min(Integer.MAX_VALUE, (long) max * instancesAlive));
    int share = (due + instancesAlive - 1) / instancesAlive;
    List<RunClaim> taken = claims.claimDue(instanceId, Math.min(max, share), leaseMillis);
    taken.forEach(claim -> held.put(claim.monitorId(), claim));
    return taken;
  }

  @Override
  public Optional<RunClaim> claimNow(long monitorId) {
    Optional<RunClaim> claim = claims.claimNow(instanceId, monitorId, leaseMillis);
    claim.ifPresent(taken -> held.put(monitorId, taken));
    return claim;
  }

  @Override
  public boolean complete(
      RunClaim claim, List<ResultRecord> results, Instant checkedAt, Duration nextRound) {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(checkedAt, "checkedAt");
    try {
      return schedule.complete(instanceId, claim, results, checkedAt, nextRound.toMillis());
    } finally {
      held.remove(claim.monitorId(), claim);
    }
  }

  @Override
  public void giveBack(RunClaim claim, Duration nextRound) {
    Objects.requireNonNull(claim, "claim");
    try {
      schedule.giveBack(instanceId, claim, nextRound.toMillis());
    } finally {
      held.remove(claim.monitorId(), claim);
    }
  }

  @Override
  public void dueNow(long monitorId) {
    schedule.dueNow(monitorId);
  }

  /** Frees every lease this instance still holds and deletes its row. */
  @Override
  public void leave() {
    held.clear();
    schedule.releaseAll(instanceId);
    instances.remove(instanceId);
  }

  /** How many claims this instance holds now (running or waiting to run). */
  int heldCount() {
    return held.size();
  }

  @Override
  public String toString() {
    return "JdbcClusterCoordinator[instance="
        + instanceId
        + ", poll="
        + pollInterval
        + ", heartbeat="
        + heartbeatInterval
        + ", lease="
        + Duration.ofMillis(leaseMillis)
        + "]";
  }

  /**
   * Builds a {@link JdbcClusterCoordinator}. Every setting but the data source has a default; the
   * lengths are checked together at {@link #build()}: the heartbeat is at least the poll interval
   * (heartbeats ride on polls) and the lease at least three heartbeats, so that a live instance
   * never loses a lease between two heartbeats.
   */
  public static final class Builder {
    /** Longest instance id: the width of the owner and instance_id columns. */
    public static final int MAX_INSTANCE_ID_LENGTH = 200;

    private final DataSource dataSource;
    private JdbcDialect dialect;
    private String tablePrefix = JdbcStore.DEFAULT_TABLE_PREFIX;
    private boolean createSchemaIfMissing;
    private String instanceId;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private Duration leaseTime = DEFAULT_LEASE_TIME;
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The dialect; detected from the database product name when not set (as for the store). */
    public Builder dialect(JdbcDialect value) {
      dialect = Objects.requireNonNull(value, "dialect");
      return this;
    }

    /** The table prefix; the store's default when not set. Use the store's prefix. */
    public Builder tablePrefix(String value) {
      tablePrefix = new Tables(value).prefix();
      return this;
    }

    /** Whether {@link #build()} creates missing tables from the shipped script; default false. */
    public Builder createSchemaIfMissing(boolean value) {
      createSchemaIfMissing = value;
      return this;
    }

    /**
     * The name this instance holds leases under, unique in the cluster, at most {@value
     * #MAX_INSTANCE_ID_LENGTH} characters. Default: {@code channel-monitor-} with the process id
     * and a random part.
     */
    public Builder instanceId(String value) {
      Objects.requireNonNull(value, "instanceId");
      if (value.isBlank() || value.length() > MAX_INSTANCE_ID_LENGTH) {
        throw new IllegalArgumentException(
            "instanceId must be 1.." + MAX_INSTANCE_ID_LENGTH + " characters and not blank");
      }
      instanceId = value;
      return this;
    }

    /** How often the scheduler polls for due runs; default {@link #DEFAULT_POLL_INTERVAL}. */
    public Builder pollInterval(Duration value) {
      pollInterval = positive("pollInterval", value);
      return this;
    }

    /** How often the heartbeat is written; default {@link #DEFAULT_HEARTBEAT_INTERVAL}. */
    public Builder heartbeatInterval(Duration value) {
      heartbeatInterval = positive("heartbeatInterval", value);
      return this;
    }

    /**
     * How long a claim holds after the last heartbeat of its instance; default {@link
     * #DEFAULT_LEASE_TIME}. A dead instance's monitors are taken over this long after its last
     * heartbeat at the latest, plus one poll.
     */
    public Builder leaseTime(Duration value) {
      leaseTime = positive("leaseTime", value);
      return this;
    }

    /**
     * The clock that paces the heartbeat; {@link Clock#systemUTC()} when not set. It decides no due
     * time and no lease: the database's clock does.
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Checks the lengths, detects the dialect (unless set), creates the schema (if asked) and
     * checks that the tables of cluster mode exist.
     *
     * @throws IllegalArgumentException when the lengths do not fit together, or the database
     *     product is not supported
     * @throws IllegalStateException when a table or column is missing; the message names them
     * @throws io.channelmonitor.StoreException when the database cannot be reached
     */
    public JdbcClusterCoordinator build() {
      if (heartbeatInterval.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException(
            "heartbeatInterval ("
                + heartbeatInterval
                + ") must be >= pollInterval ("
                + pollInterval
                + ")");
      }
      if (leaseTime.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
        throw new IllegalArgumentException(
            "leaseTime ("
                + leaseTime
                + ") must be >= 3 x heartbeatInterval ("
                + heartbeatInterval
                + ")");
      }
      if (instanceId == null) {
        instanceId = "channel-monitor-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
      }
      Jdbc jdbc = new Jdbc(dataSource);
      Tables tables = new Tables(tablePrefix);
      JdbcDialect chosen = dialect != null ? dialect : JdbcDialect.detect(jdbc);
      if (createSchemaIfMissing) {
        SchemaScript.run(jdbc, chosen, tables);
      }
      SchemaValidator.validateCluster(jdbc, chosen, tables);
      return new JdbcClusterCoordinator(this, jdbc, chosen, tables);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero() || value.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be at least 1 ms: " + value);
      }
      return value;
    }
  }
}
