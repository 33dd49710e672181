package io.channelmonitor.spring.boot.jpahost;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The host's Spring Data repository, found by Boot's repository scan of the host's package. */
public interface HostRouteRepository extends JpaRepository<HostRoute, Long> {
  List<HostRoute> findByPath(String path);
}
