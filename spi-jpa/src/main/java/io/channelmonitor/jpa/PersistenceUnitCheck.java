package io.channelmonitor.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.metamodel.Metamodel;
import java.sql.Connection;

/** What {@link JpaStore.Builder#build()} checks about the host's persistence unit. */
final class PersistenceUnitCheck {
  private PersistenceUnitCheck() {}

  /**
   * Fails when the unit's transactions are JTA: the store begins and commits transactions of its
   * own through {@code EntityManager.getTransaction()}, which only a resource-local unit offers.
   */
  static void requireResourceLocal(EntityManagerFactory factory) {
    if (factory.getTransactionType() != PersistenceUnitTransactionType.RESOURCE_LOCAL) {
      throw new IllegalStateException(
          "JpaStore needs a RESOURCE_LOCAL persistence unit, this one is "
              + factory.getTransactionType()
              + ": the store runs every operation in a transaction of its own");
    }
  }

  /** Fails with a message saying how to register the entities when the unit lacks one. */
  static void requireEntities(EntityManagerFactory factory) {
    Metamodel metamodel = factory.getMetamodel();
    for (Class<?> type : JpaStore.ENTITY_CLASSES) {
      if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
        try {
          metamodel.entity(type);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "the persistence unit does not manage "
                  + type.getName()
                  + ": add JpaStore.ENTITY_CLASSES to it, or scan the package "
                  + JpaStore.ENTITY_PACKAGE
                  + " (Spring Boot: @EntityScan(basePackageClasses = MonitorEntity.class)"
                  + " alongside the application's own packages)",
              e);
        }
      }
    }
  }

  /**
   * The dialect of the unit's database, from the product name its JDBC connection reports (read
   * with the JPA 3.2 {@code callWithConnection}).
   */
  static JpaDialect detectDialect(Transactions transactions) {
    String product =
        transactions.run(
            "detect dialect",
            manager -> {
              try {
                return manager.<Connection, String>callWithConnection(
                    connection -> connection.getMetaData().getDatabaseProductName());
              } catch (UnsupportedOperationException | IllegalStateException e) {
                throw new IllegalStateException(
                    "cannot read the database product from the persistence unit;"
                        + " set JpaStore.builder(...).dialect(...) explicitly",
                    e);
              }
            });
    return JpaDialect.fromProductName(product);
  }
}
