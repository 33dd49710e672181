package io.channelmonitor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server whose connections follow a script, for misbehaving upstreams (stalls,
 * trickles, silence) that {@code HttpServer} cannot play. Daemon threads; {@link #close()} drops
 * every connection.
 */
final class HttpClientProbeTransportRawServer implements AutoCloseable {
  /** What the server does with one accepted connection. */
  @FunctionalInterface
  interface Script {
    void run(Socket socket) throws IOException, InterruptedException;
  }

  static final String HEAD_200 =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n";

  final AtomicInteger accepted = new AtomicInteger();
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  HttpClientProbeTransportRawServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> acceptLoop(script), "test-raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Sends a 200 head announcing a long body, then nothing. */
  static Script headersThenStall() {
    return socket -> {
      readHead(socket.getInputStream());
      write(socket, HEAD_200);
      Thread.sleep(60_000);
    };
  }

  /** Sends a 200 head, then one byte every 200 ms, forever. */
  static Script trickle() {
    return socket -> {
      readHead(socket.getInputStream());
      write(socket, HEAD_200);
      while (true) {
        socket.getOutputStream().write('x');
        socket.getOutputStream().flush();
        Thread.sleep(200);
      }
    };
  }

  /** Reads the request and never answers. */
  static Script silent() {
    return socket -> {
      readHead(socket.getInputStream());
      Thread.sleep(60_000);
    };
  }

  int port() {
    return server.getLocalPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    acceptor.interrupt();
  }

  private void acceptLoop(Script script) {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      sockets.add(socket);
      Thread worker =
          new Thread(
              () -> {
                try (socket) {
                  script.run(socket);
                } catch (IOException | InterruptedException e) {
                  // the client went away or the server closed
                }
              },
              "test-raw-connection");
      worker.setDaemon(true);
      worker.start();
    }
  }

  /** Reads up to the blank line that ends a request head. */
  static void readHead(InputStream in) throws IOException {
    int state = 0;
    int b;
    while ((b = in.read()) >= 0) {
      state = (b == '\r' || b == '\n') ? state + 1 : 0;
      if (state == 4) {
        return;
      }
    }
  }

  static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
