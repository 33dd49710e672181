package io.channelmonitor.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;

/**
 * Runs each store operation in an entity manager and a resource-local transaction of its own, never
 * in the caller's: the manager is created for the operation and closed after it, so nothing stays
 * managed between calls. The transaction commits when the work returns, unless the work (or the
 * provider, after a failed statement) marked it rollback-only; it rolls back when the work throws.
 * A {@link PersistenceException} becomes a {@link io.channelmonitor.StoreException} naming the
 * operation; the library's own exceptions (such as a stale monitor) pass through unchanged.
 */
final class Transactions {
  private final EntityManagerFactory factory;

  Transactions(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** Runs {@code work} in a new transaction; {@code operation} names it in errors. */
  <T> T run(String operation, Function<EntityManager, T> work) {
    try {
      EntityManager manager = factory.createEntityManager();
      try {
        return inTransaction(manager, work);
      } finally {
        manager.close();
      }
    } catch (PersistenceException e) {
      throw StoreFailures.toStoreException(operation, e);
    }
  }

  private static <T> T inTransaction(EntityManager manager, Function<EntityManager, T> work) {
    EntityTransaction transaction = manager.getTransaction();
    transaction.begin();
    T value;
    try {
      value = work.apply(manager);
    } catch (RuntimeException | Error e) {
      rollBack(transaction, e);
      throw e;
    }
    if (transaction.getRollbackOnly()) {
      transaction.rollback();
    } else {
      transaction.commit();
    }
    return value;
  }

  private static void rollBack(EntityTransaction transaction, Throwable failure) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }
}
