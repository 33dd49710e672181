package io.channelmonitor.spring.boot.web;

/**
 * The test classpath holds Spring Data JPA and Spring Security for the tests of hosts that use
 * them. The tests of a host without them leave their auto-configurations out with these properties,
 * so Boot configures neither an EntityManagerFactory (which {@code channel-monitor.store=auto}
 * would pick) nor its default login for every route.
 */
final class TestHosts {
  private static final String EXCLUDE = "spring.autoconfigure.exclude=";

  private static final String JPA =
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
          + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

  private static final String SECURITY =
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.web.servlet"
          + ".ServletWebSecurityAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.web.servlet"
          + ".SecurityFilterAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.actuate.web.servlet"
          + ".ManagementWebSecurityAutoConfiguration";

  /** A host with neither JPA nor Spring Security. */
  static final String WITHOUT_JPA_OR_SECURITY = EXCLUDE + JPA + "," + SECURITY;

  /** A JPA host without Spring Security. */
  static final String WITHOUT_SECURITY = EXCLUDE + SECURITY;

  /** A host with Spring Security but without JPA. */
  static final String WITHOUT_JPA = EXCLUDE + JPA;

  private TestHosts() {}
}
