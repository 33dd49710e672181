/**
 * A plain-JDBC store for channel-monitor: {@link io.channelmonitor.jdbc.JdbcStore}, for PostgreSQL
 * and H2, with the schema scripts shipped next to it in the jar.
 */
package io.channelmonitor.jdbc;
