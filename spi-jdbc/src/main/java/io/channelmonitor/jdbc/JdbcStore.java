package io.channelmonitor.jdbc;

import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChannelMonitorStore} on a JDBC {@link DataSource}: PostgreSQL or H2, plain SQL, no
 * framework. Build it with {@link #builder(DataSource)}; it checks at build time that its tables
 * exist (and can create them from the script shipped for the dialect, see {@link
 * JdbcDialect#schemaResource()}).
 *
 * <p><b>Connections and transactions.</b> Every operation borrows a connection from the data
 * source, runs its statements and closes the connection again, leaving auto-commit and the
 * isolation level as they were. Single statements and reads run in auto-commit mode when the
 * connection comes that way. Operations of several statements ({@code insertResults}, {@code
 * recordRun}, {@code updateMonitor}, {@code rollUpDay} on H2) run in a short read-committed
 * transaction of their own. A connection that arrives with auto-commit off is committed (or rolled
 * back) by the operation before it is returned. The store therefore expects connections that carry
 * no transaction of the caller, as a connection pool hands them out: it never takes part in a
 * caller's transaction, and must not be given a data source that returns the caller's transactional
 * connection, whose work it would commit: {@code build()} refuses Spring's {@code
 * TransactionAwareDataSourceProxy} with an {@link IllegalArgumentException}.
 *
 * <p><b>Time.</b> Instants are written and read as UTC {@code timestamp with time zone} values,
 * whatever the JVM's and the database session's time zones are, and days are UTC days whose bounds
 * the store computes itself. Leases expire by the store's {@link Clock}.
 *
 * <p><b>Failures.</b> A database failure becomes a {@link io.channelmonitor.StoreException} whose
 * message names the operation and the SQLState; messages never contain stored values.
 *
 * <p>Thread-safe: the store holds no connection and no mutable state of its own.
 */
public final class JdbcStore implements ChannelMonitorStore {
  /** The table prefix the shipped schema scripts use. */
  public static final String DEFAULT_TABLE_PREFIX = Tables.DEFAULT_PREFIX;

  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

  private final JdbcDialect dialect;
  private final Tables tables;
  private final MonitorRows monitors;
  private final ResultRows results;
  private final RollupRows rollups;
  private final MaintenanceRows maintenance;

  private JdbcStore(Jdbc jdbc, JdbcDialect dialect, Tables tables, Clock clock) {
    this.dialect = dialect;
    this.tables = tables;
    this.monitors = new MonitorRows(jdbc, tables);
    this.results = new ResultRows(jdbc, dialect, tables);
    this.rollups = new RollupRows(jdbc, dialect, tables, clock);
    this.maintenance = new MaintenanceRows(jdbc, dialect, tables, clock);
  }

  /** A builder of a store on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The dialect in use: the one given to the builder, or the one detected. */
  public JdbcDialect dialect() {
    return dialect;
  }

  /** The prefix of the store's table names. */
  public String tablePrefix() {
    return tables.prefix();
  }

  @Override
  public MonitorRecord insertMonitor(MonitorRecord monitor) {
    return monitors.insert(monitor);
  }

  @Override
  public Optional<MonitorRecord> updateMonitor(MonitorRecord monitor) {
    return monitors.update(monitor);
  }

  @Override
  public boolean deleteMonitor(long id) {
    return monitors.delete(id);
  }

  @Override
  public Optional<MonitorRecord> findMonitor(long id) {
    return monitors.find(id);
  }

  @Override
  public Page<MonitorRecord> listMonitors(MonitorQuery query) {
    return monitors.list(query);
  }

  @Override
  public List<MonitorRecord> listEnabledMonitors() {
    return monitors.listEnabled();
  }

  @Override
  public void markChecked(long id, Instant at) {
    monitors.markChecked(id, at);
  }

  @Override
  public void insertResults(List<ResultRecord> batch) {
    results.insert(batch);
  }

  /** One transaction: the monitor's last check (locking its row), then the results' batch. */
  @Override
  public void recordRun(long monitorId, List<ResultRecord> batch, Instant checkedAt) {
    results.recordRun(monitorId, batch, checkedAt);
  }

  @Override
  public List<ResultRecord> latestPerModel(
      Map<Long, ? extends Collection<String>> modelsByMonitor) {
    return results.latestPerModel(Objects.requireNonNull(modelsByMonitor, "modelsByMonitor"));
  }

  @Override
  public List<ResultRecord> newestResults(Map<Long, String> modelByMonitor, int limit) {
    return results.newestResults(Objects.requireNonNull(modelByMonitor, "modelByMonitor"), limit);
  }

  @Override
  public List<ResultPoint> newestPoints(Map<Long, String> modelByMonitor, int limit) {
    return results.newestPoints(Objects.requireNonNull(modelByMonitor, "modelByMonitor"), limit);
  }

  @Override
  public List<ResultRecord> history(long monitorId, String model, int limit) {
    return results.history(monitorId, model, limit);
  }

  @Override
  public Map<Instant, List<ModelCounts>> countResultsFrom(
      Collection<Long> monitorIds, Collection<Instant> froms, Instant to) {
    return results.countFrom(monitorIds, froms, to);
  }

  @Override
  public int pruneResults(Instant before, int batchSize) {
    return results.prune(before, batchSize);
  }

  @Override
  public int rollUpDay(LocalDate day) {
    return rollups.rollUpDay(day);
  }

  @Override
  public List<DailyRollup> rollups(Collection<Long> monitorIds, LocalDate from, LocalDate to) {
    return rollups.rollups(monitorIds, from, to);
  }

  @Override
  public Map<LocalDate, List<ModelCounts>> sumRollupsFrom(
      Collection<Long> monitorIds, Collection<LocalDate> froms, LocalDate to) {
    return rollups.sumFrom(monitorIds, froms, to);
  }

  @Override
  public int pruneRollups(LocalDate before, int batchSize) {
    return rollups.prune(before, batchSize);
  }

  @Override
  public Optional<LocalDate> rollupWatermark() {
    return maintenance.watermark();
  }

  @Override
  public void setRollupWatermark(LocalDate day) {
    maintenance.setWatermark(day);
  }

  @Override
  public boolean tryLock(String name, String owner, Duration lease) {
    return maintenance.tryLock(name, owner, lease);
  }

  @Override
  public void unlock(String name, String owner) {
    maintenance.unlock(name, owner);
  }

  @Override
  public String toString() {
    return "JdbcStore[dialect=" + dialect + ", tablePrefix=" + tables.prefix() + "]";
  }

  /** Builds a {@link JdbcStore}; every setting but the data source is optional. */
  public static final class Builder {
    private final DataSource dataSource;
    private JdbcDialect dialect;
    private Clock clock = Clock.systemUTC();
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private boolean createSchemaIfMissing;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The database dialect. By default it is detected from the database product name at build time
     * (PostgreSQL or H2); set it when detection cannot work, for example behind a proxy.
     */
    public Builder dialect(JdbcDialect value) {
      dialect = Objects.requireNonNull(value, "dialect");
      return this;
    }

    /**
     * The clock whose instant is "now" for leases and for the {@code computed_at} of rollups.
     * Default: {@link Clock#systemUTC()}. Every other stored time comes from the caller.
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The prefix of the table names, matching {@code [a-z_][a-z0-9_]*}. Default: {@value
     * JdbcStore#DEFAULT_TABLE_PREFIX}, the prefix of the shipped scripts.
     *
     * @throws IllegalArgumentException when the prefix does not match
     */
    public Builder tablePrefix(String value) {
      tablePrefix = new Tables(value).prefix();
      return this;
    }

    /**
     * Whether {@link #build()} creates missing tables and indexes from the shipped script (it only
     * adds what is missing; it never alters an existing table). Default: false, for hosts that
     * manage their schema with Flyway, Liquibase or by hand.
     */
    public Builder createSchemaIfMissing(boolean value) {
      createSchemaIfMissing = value;
      return this;
    }

    /**
     * Detects the dialect (unless set), creates the schema (if asked) and checks that every table
     * and column exists.
     *
     * @throws IllegalArgumentException when the database product is not supported
     * @throws IllegalStateException when a table or column is missing; the message names them
     * @throws io.channelmonitor.StoreException when the database cannot be reached
     */
    public JdbcStore build() {
      Jdbc jdbc = new Jdbc(dataSource);
      Tables tables = new Tables(tablePrefix);
      JdbcDialect chosen = dialect != null ? dialect : JdbcDialect.detect(jdbc);
      if (createSchemaIfMissing) {
        SchemaScript.run(jdbc, chosen, tables);
      }
      SchemaValidator.validate(jdbc, chosen, tables);
      log.debug("channel-monitor JdbcStore ready: {} with table prefix '{}'", chosen, tablePrefix);
      return new JdbcStore(jdbc, chosen, tables, clock);
    }
  }
}
