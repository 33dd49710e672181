package io.channelmonitor.spring.boot.jpahost;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A gateway like a real Boot host: its own entity and Spring Data repository in this package, found
 * by Boot's default scan (no {@code @EntityScan}), and the starter with the JPA module added.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class GatewayApplication {}
