package io.channelmonitor.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link UpstreamMain} in a child JVM with this JVM's class path and stops it. */
final class UpstreamProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private UpstreamProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static UpstreamProcess start(int latencyMinMillis, int latencyMaxMillis) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
            java,
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            // without it the JDK server's separate header and body writes meet the client's
            // delayed ACK (Nagle): about 40 ms per answer, which no real provider adds
            "-Dsun.net.httpserver.nodelay=true",
            UpstreamMain.class.getName(),
            Integer.toString(latencyMinMillis),
            Integer.toString(latencyMaxMillis));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("port=")) {
      process.destroyForcibly();
      throw new IOException("the fake upstream did not start: " + line);
    }
    return new UpstreamProcess(process, Integer.parseInt(line.substring(5).trim()));
  }

  /** The fake's origin, plain HTTP on loopback. */
  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the upstream's JVM used so far. */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
