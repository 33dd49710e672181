package io.channelmonitor.spring.boot;

/** When the starter creates the store's missing tables. */
public enum SchemaInit {
  /** Only on an embedded database (H2, HSQLDB, Derby). */
  EMBEDDED,
  /** On any database. */
  ALWAYS,
  /** Never: the host manages the schema. */
  NEVER
}
