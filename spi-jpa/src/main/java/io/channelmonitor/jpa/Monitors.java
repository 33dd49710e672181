package io.channelmonitor.jpa;

import io.channelmonitor.MonitorConfig;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import io.channelmonitor.jpa.entity.MonitorEntity;
import io.channelmonitor.jpa.entity.ResultEntity;
import io.channelmonitor.jpa.entity.RollupEntity;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.StaleMonitorException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The monitors: inserts, compare-and-set updates, deletes with their rows, and listings. */
final class Monitors {
  private static final String MONITOR = MonitorEntity.NAME;

  /** Replaces everything but id, createdAt and lastCheckedAt when the version still matches. */
  private static final String COMPARE_AND_SET =
      "UPDATE "
          + MONITOR
          + " m SET m.name = :name, m.provider = :provider, m.endpoint = :endpoint,"
          + " m.apiKeyCiphertext = :apiKeyCiphertext, m.primaryModel = :primaryModel,"
          + " m.extraModels = :extraModels, m.groupName = :groupName, m.enabled = :enabled,"
          + " m.intervalSeconds = :intervalSeconds, m.jitterSeconds = :jitterSeconds,"
          + " m.apiMode = :apiMode, m.extraHeaders = :extraHeaders,"
          + " m.bodyOverrideMode = :bodyOverrideMode, m.bodyOverride = :bodyOverride,"
          + " m.stream = :stream, m.updatedAt = :updatedAt, m.version = m.version + 1"
          + " WHERE m.id = :id AND m.version = :version";

  private final Transactions transactions;

  Monitors(Transactions transactions) {
    this.transactions = transactions;
  }

  /** Persists the row; the insert runs at once, since the database assigns the id. */
  MonitorRecord insert(MonitorRecord monitor) {
    Objects.requireNonNull(monitor, "monitor");
    MonitorEntity row = new MonitorEntity(monitor);
    long id =
        transactions.run(
            "insertMonitor",
            manager -> {
              manager.persist(row);
              manager.flush();
              return row.id();
            });
    return monitor.withId(id).withVersion(1);
  }

  /** One conditional update decides; the row is read back in the same transaction. */
  Optional<MonitorRecord> update(MonitorRecord monitor) {
    Objects.requireNonNull(monitor, "monitor");
    return transactions.run(
        "updateMonitor",
        manager -> {
          int updated = bindConfig(manager.createQuery(COMPARE_AND_SET), monitor);
          Optional<MonitorRecord> stored = find(manager, monitor.id());
          if (updated == 0 && stored.isPresent()) {
            throw new StaleMonitorException(monitor.id());
          }
          return stored;
        });
  }

  private static int bindConfig(Query update, MonitorRecord monitor) {
    MonitorConfig config = monitor.config();
    return update
        .setParameter("name", config.name())
        .setParameter("provider", config.provider())
        .setParameter("endpoint", config.endpoint())
        .setParameter("apiKeyCiphertext", monitor.apiKeyCiphertext())
        .setParameter("primaryModel", config.primaryModel())
        .setParameter("extraModels", config.extraModels())
        .setParameter("groupName", config.groupName())
        .setParameter("enabled", config.enabled())
        .setParameter("intervalSeconds", config.intervalSeconds())
        .setParameter("jitterSeconds", config.jitterSeconds())
        .setParameter("apiMode", config.apiMode().wire())
        .setParameter("extraHeaders", config.extraHeaders())
        .setParameter("bodyOverrideMode", config.bodyOverrideMode().wire())
        .setParameter("bodyOverride", config.bodyOverride())
        .setParameter("stream", config.stream())
        .setParameter("updatedAt", monitor.updatedAt())
        .setParameter("id", monitor.id())
        .setParameter("version", monitor.version())
        .executeUpdate();
  }

  /**
   * Locks the monitor row first, so that a writer of its results or rollups has either finished
   * (its rows are deleted here) or waits and then finds the monitor gone; then deletes the results,
   * the rollups and the monitor. The lock is a native {@code FOR UPDATE}: on PostgreSQL a provider
   * may take {@code PESSIMISTIC_WRITE} as {@code FOR NO KEY UPDATE}, and upgrading that to the key
   * lock the final delete needs, while a writer queues for its share lock, deadlocks. The schema's
   * cascading foreign keys would do the first two as well, but the store does not rely on a host's
   * schema having them.
   */
  boolean delete(long id) {
    return transactions.run(
        "deleteMonitor",
        manager -> {
          List<?> locked =
              manager
                  .createNativeQuery(
                      "SELECT id FROM " + MonitorEntity.TABLE + " WHERE id = ?1 FOR UPDATE")
                  .setParameter(1, id)
                  .getResultList();
          if (locked.isEmpty()) {
            return false;
          }
          deleteWhere(manager, ResultEntity.NAME + " r WHERE r.monitorId = :id", id);
          deleteWhere(manager, RollupEntity.NAME + " r WHERE r.monitorId = :id", id);
          deleteWhere(manager, MONITOR + " m WHERE m.id = :id", id);
          return true;
        });
  }

  private static void deleteWhere(EntityManager manager, String fromWhere, long id) {
    manager.createQuery("DELETE FROM " + fromWhere).setParameter("id", id).executeUpdate();
  }

  Optional<MonitorRecord> find(long id) {
    return transactions.run("findMonitor", manager -> find(manager, id));
  }

  private static Optional<MonitorRecord> find(EntityManager manager, long id) {
    MonitorEntity row = manager.find(MonitorEntity.class, id);
    return row == null ? Optional.empty() : Optional.of(row.toRecord());
  }

  List<MonitorRecord> listEnabled() {
    return transactions.run(
        "listEnabledMonitors",
        manager ->
            records(
                manager.createQuery(
                    "SELECT m FROM " + MONITOR + " m WHERE m.enabled = TRUE ORDER BY m.id",
                    MonitorEntity.class)));
  }

  void markChecked(long id, Instant at) {
    Objects.requireNonNull(at, "at");
    transactions.run(
        "markChecked",
        manager ->
            manager
                .createQuery("UPDATE " + MONITOR + " m SET m.lastCheckedAt = :at WHERE m.id = :id")
                .setParameter("at", at)
                .setParameter("id", id)
                .executeUpdate());
  }

  /** A count and one page, in one transaction. */
  Page<MonitorRecord> list(MonitorQuery query) {
    Objects.requireNonNull(query, "query");
    MonitorFilter filter = MonitorFilter.of(query);
    return transactions.run(
        "listMonitors",
        manager -> {
          long total =
              filter
                  .bind(
                      manager.createQuery(
                          "SELECT COUNT(m) FROM " + MONITOR + " m" + filter.where(), Long.class))
                  .getSingleResult();
          List<MonitorRecord> items =
              query.offset() >= total
                  ? List.of()
                  : records(
                      filter
                          .bind(
                              manager.createQuery(
                                  "SELECT m FROM "
                                      + MONITOR
                                      + " m"
                                      + filter.where()
                                      + " ORDER BY m.id DESC",
                                  MonitorEntity.class))
                          .setFirstResult((int) query.offset())
                          .setMaxResults(query.pageSize()));
          return new Page<>(items, total, query.page(), query.pageSize());
        });
  }

  private static List<MonitorRecord> records(TypedQuery<MonitorEntity> query) {
    return query.getResultList().stream().map(MonitorEntity::toRecord).toList();
  }
}
