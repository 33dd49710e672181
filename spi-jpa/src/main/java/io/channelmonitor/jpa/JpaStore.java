package io.channelmonitor.jpa;

import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import io.channelmonitor.jpa.entity.JsonStringList;
import io.channelmonitor.jpa.entity.JsonStringMap;
import io.channelmonitor.jpa.entity.LockEntity;
import io.channelmonitor.jpa.entity.MaintenanceEntity;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.jpa.entity.RollupEntity;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.DailyRollup;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultPoint;
import io.channelmonitor.store.ResultRecord;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChannelMonitorStore} on a JPA {@link EntityManagerFactory} (PostgreSQL or H2), using
 * only the {@code jakarta.persistence} API. Build it with {@link #builder(EntityManagerFactory)}.
 *
 * <p><b>The persistence unit.</b> The host's unit must manage the classes in {@link
 * #ENTITY_CLASSES} (the entities of package {@value #ENTITY_PACKAGE} and their converters): list
 * them in {@code persistence.xml}, add them to the unit programmatically, or scan the package
 * (Spring Boot: {@code @EntityScan(basePackageClasses = MonitorEntity.class)} next to the host's
 * own packages). The tables are the ones the JDBC store's schema scripts create; a unit may also
 * let the provider generate them.
 *
 * <p><b>Transactions.</b> Every operation creates its own {@code EntityManager}, runs in a
 * resource-local transaction of its own and closes the manager: the store never joins a caller's
 * transaction, and the unit must therefore be {@code RESOURCE_LOCAL}.
 *
 * <p><b>Time.</b> Instants are mapped as {@link Instant}, which Hibernate 6 and later stores as
 * {@code timestamp with time zone} holding the UTC instant, whatever the JVM's and the session's
 * time zones. Days are UTC days whose bounds the store computes itself, and they reach the database
 * as SQL date literals, so {@code hibernate.jdbc.time_zone} (UTC is the usual choice) cannot shift
 * them; they come back as text the database formats, never as a {@code java.sql.Date} (which H2
 * makes midnight in the session's zone and Hibernate reads in the JVM's). Leases expire by the
 * store's {@link Clock}.
 *
 * <p><b>Round trips.</b> Ids are database identity columns, as in the JDBC schema, so they follow
 * insertion order across instances. A provider executes an identity insert as soon as the entity is
 * persisted ({@code hibernate.jdbc.batch_size} does not batch identity inserts), so a batch of
 * results is written with multi-row native {@code INSERT}s instead: one share lock of the batch's
 * monitors, then one statement per 100 rows, in list order, all in one transaction. Every
 * multi-monitor read and count is one statement per call for any number of monitors: monitor ids
 * are written into the SQL as integer literals, and model names are bound once per distinct name
 * (the newest-result reads, which PostgreSQL answers per (monitor, model) pair from an index with
 * {@code LATERAL}, split only past 10,000 distinct model names); the window counts and sums answer
 * all their ranges in that statement, with days and instants as SQL literals too, so that
 * PostgreSQL never keeps a generic plan for them. A day's rollup is one statement on PostgreSQL (a
 * lock and a {@code MERGE} on H2); a pruning batch is one {@code DELETE}.
 *
 * <p><b>Failures.</b> A {@link jakarta.persistence.PersistenceException} becomes a {@link
 * io.channelmonitor.StoreException} whose message names the operation and the SQLState, and whose
 * {@link io.channelmonitor.StoreException#kind() kind} is decided from the driver's SQLState as in
 * the JDBC store: data and constraint errors (classes 22 and 23) are {@code REFUSED_VALUE} and roll
 * back the whole operation (a batch of results is stored entirely or not at all); an unreachable
 * database, a deadlock or a cancelled statement (classes 08, 40, 53, 57) is {@code UNAVAILABLE}.
 * Messages never contain stored values, and for refused values the provider's exception is replaced
 * by one without its message. Hibernate itself logs the driver's message of a failed statement
 * (logger {@code org.hibernate.orm.jdbc.error}), which may quote a value; hosts that store secrets
 * in header values may turn that logger off.
 *
 * <p>Thread-safe: the store holds no entity manager and no mutable state of its own.
 */
public final class JpaStore implements ChannelMonitorStore {
  /** The package of the library's entities, for hosts that scan packages. */
  public static final String ENTITY_PACKAGE = "io.channelmonitor.jpa.entity";

  /**
   * Every class a persistence unit must manage for this store: the five entities and the two
   * attribute converters they use.
   */
  public static final List<Class<?>> ENTITY_CLASSES =
      List.of(
          MonitorEntity.class,
          ResultEntity.class,
          RollupEntity.class,
          MaintenanceEntity.class,
          LockEntity.class,
          JsonStringList.class,
          JsonStringMap.class);

  private static final Logger log = LoggerFactory.getLogger(JpaStore.class);

  private final JpaDialect dialect;
  private final Monitors monitors;
  private final Results results;
  private final NewestResults newest;
  private final RollupUpsert rollupWriter;
  private final Rollups rollups;
  private final Maintenance maintenance;

  private JpaStore(Transactions transactions, JpaDialect dialect, Clock clock) {
    this.dialect = dialect;
    this.monitors = new Monitors(transactions);
    this.results = new Results(transactions, dialect);
    this.newest = new NewestResults(transactions, dialect);
    this.rollupWriter = new RollupUpsert(transactions, dialect, clock);
    this.rollups = new Rollups(transactions);
    this.maintenance = new Maintenance(transactions, dialect, clock);
  }

  /** A builder of a store on {@code entityManagerFactory}. */
  public static Builder builder(EntityManagerFactory entityManagerFactory) {
    return new Builder(entityManagerFactory);
  }

  /** The dialect in use: the one given to the builder, or the one detected. */
  public JpaDialect dialect() {
    return dialect;
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

  /** One transaction: the monitor's last check (locking its row), then the results' INSERTs. */
  @Override
  public void recordRun(long monitorId, List<ResultRecord> batch, Instant checkedAt) {
    results.recordRun(monitorId, batch, checkedAt);
  }

  @Override
  public List<ResultRecord> latestPerModel(
      Map<Long, ? extends Collection<String>> modelsByMonitor) {
    return newest.latestPerModel(modelsByMonitor);
  }

  @Override
  public List<ResultRecord> newestResults(Map<Long, String> modelByMonitor, int limit) {
    return newest.newest(modelByMonitor, limit);
  }

  @Override
  public List<ResultPoint> newestPoints(Map<Long, String> modelByMonitor, int limit) {
    return newest.points(modelByMonitor, limit);
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
    return rollupWriter.rollUpDay(day);
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
    return "JpaStore[dialect=" + dialect + "]";
  }

  /** Builds a {@link JpaStore}; every setting but the entity manager factory is optional. */
  public static final class Builder {
    private final EntityManagerFactory factory;
    private JpaDialect dialect;
    private Clock clock = Clock.systemUTC();

    private Builder(EntityManagerFactory factory) {
      this.factory = Objects.requireNonNull(factory, "entityManagerFactory");
    }

    /**
     * The database dialect. By default it is detected at build time from the product name the JDBC
     * driver reports (PostgreSQL or H2); set it when detection cannot work.
     */
    public Builder dialect(JpaDialect value) {
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
     * Checks that the unit is resource-local and manages the store's entities, and detects the
     * dialect (unless set).
     *
     * @throws IllegalStateException when the unit is not resource-local, does not manage an entity
     *     of {@link #ENTITY_CLASSES}, or the dialect cannot be detected
     * @throws IllegalArgumentException when the database product is not supported
     * @throws io.channelmonitor.StoreException when the database cannot be reached
     */
    public JpaStore build() {
      PersistenceUnitCheck.requireResourceLocal(factory);
      PersistenceUnitCheck.requireEntities(factory);
      Transactions transactions = new Transactions(factory);
      JpaDialect chosen =
          dialect != null ? dialect : PersistenceUnitCheck.detectDialect(transactions);
      log.debug("channel-monitor JpaStore ready: {}", chosen);
      return new JpaStore(transactions, chosen, clock);
    }
  }
}
