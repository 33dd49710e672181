package io.channelmonitor.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A Spring Boot application with the channel-monitor starter: monitors and results in an H2 file
 * database, the REST API (admin and user) and the status page on, and five channels seeded against
 * a fake upstream on loopback. Everything the starter does comes from {@code
 * application.properties}; {@link DemoConfiguration} adds only what a demo needs on top.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoProperties.class)
public class DemoApplication {
  public static void main(String[] args) {
    SpringApplication.run(DemoApplication.class, args);
  }
}
