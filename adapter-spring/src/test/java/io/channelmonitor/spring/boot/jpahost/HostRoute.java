package io.channelmonitor.spring.boot.jpahost;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of the host application itself: a gateway route, in the host's own package. */
@Entity
@Table(name = "host_routes")
public class HostRoute {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "path", nullable = false, length = 200)
  private String path;

  protected HostRoute() {}

  public HostRoute(String path) {
    this.path = path;
  }

  public Long getId() {
    return id;
  }

  public String getPath() {
    return path;
  }
}
