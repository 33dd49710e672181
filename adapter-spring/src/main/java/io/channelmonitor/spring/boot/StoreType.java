package io.channelmonitor.spring.boot;

/** Which store {@code channel-monitor.store} asks for. */
public enum StoreType {
  /**
   * JPA when an EntityManagerFactory and the JPA module are present, else JDBC when a DataSource
   * and the JDBC module are, else memory.
   */
  AUTO,
  /** The JDBC store on the application's single DataSource. */
  JDBC,
  /** The JPA store on the application's single EntityManagerFactory. */
  JPA,
  /** The in-memory store: nothing survives a restart. */
  MEMORY
}
