package io.channelmonitor.spring.boot;

import java.time.Duration;

/**
 * Cluster mode ({@code channel-monitor.cluster.*}): several instances of the application on one
 * database share the schedule through {@code JdbcClusterCoordinator}, so each due check runs once.
 * Needs {@code channel-monitor-jdbc} and the application's DataSource, and a persistent store (JDBC
 * or JPA) on the same database.
 */
public class ClusterProperties {
  /** Whether this instance joins the cluster of instances sharing the database. */
  private boolean enabled;

  /**
   * This instance's id in the instances table (at most 200 characters); by default {@code
   * channel-monitor-}, the process id and a random part. Must differ between running instances.
   */
  private String instanceId;

  /** How often the instance claims due checks. */
  private Duration pollInterval = Duration.ofSeconds(1);

  /** How often the instance reports that it is alive and extends the leases it holds. */
  private Duration heartbeatInterval = Duration.ofSeconds(5);

  /**
   * How long a claimed check stays with this instance without a heartbeat; after that another
   * instance takes it over. Longer than the heartbeat interval.
   */
  private Duration leaseTime = Duration.ofSeconds(30);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getInstanceId() {
    return instanceId;
  }

  public void setInstanceId(String instanceId) {
    this.instanceId = instanceId;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getHeartbeatInterval() {
    return heartbeatInterval;
  }

  public void setHeartbeatInterval(Duration heartbeatInterval) {
    this.heartbeatInterval = heartbeatInterval;
  }

  public Duration getLeaseTime() {
    return leaseTime;
  }

  public void setLeaseTime(Duration leaseTime) {
    this.leaseTime = leaseTime;
  }
}
