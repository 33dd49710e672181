package io.channelmonitor.examples.boot;

import org.springframework.core.env.Environment;

/**
 * Where the demo answers, from the running server's address, port and paths.
 *
 * @param origin {@code http://host:port} plus the servlet context path
 * @param basePath the starter's {@code channel-monitor.web.base-path}
 */
record DemoUrls(String origin, String basePath) {
  static DemoUrls from(Environment environment) {
    String host = environment.getProperty("server.address", "localhost");
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    String context = environment.getProperty("server.servlet.context-path", "");
    String base = environment.getProperty("channel-monitor.web.base-path", "/api/v1");
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return new DemoUrls("http://" + shownHost + ":" + port + context, base);
  }

  String statusPage() {
    return origin + basePath + "/channel-monitor/status";
  }

  String userApi() {
    return origin + basePath + "/channel-monitors";
  }

  String adminApi() {
    return origin + basePath + "/admin/channel-monitors";
  }

  String health() {
    return origin + "/actuator/health";
  }

  /** The lines printed once the demo is up. */
  String banner() {
    return String.join(
        System.lineSeparator(),
        "",
        "channel-monitor demo is up. Open the status page:",
        "",
        "    " + statusPage(),
        "",
        "  user API   " + userApi(),
        "  admin API  " + adminApi() + "  (no authentication: demo only)",
        "  health     " + health(),
        "");
  }
}
