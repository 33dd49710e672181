package io.channelmonitor.spring.boot.web;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.spring.boot.view.JsonViews;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A self-contained status page at {@code {base-path}/channel-monitor/status}: one card per enabled
 * monitor, grouped by group name, refreshed from {@code .../status/data}. The page makes no request
 * to any other origin; its content security policy forbids it, and its script and style run only
 * under a per-response nonce. It shows what the user API shows, nothing more.
 */
@Controller
@RequestMapping("${channel-monitor.web.base-path:/api/v1}/channel-monitor/status")
public class StatusPageController extends ApiExceptionHandling {
  static final String TEMPLATE = "io/channelmonitor/spring/boot/web/status-page.html";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserViews views;
  private final String template;

  public StatusPageController(ChannelMonitor channelMonitor, SettingsProvider featureSwitch) {
    this.views = new UserViews(channelMonitor, featureSwitch);
    this.template = readTemplate();
  }

  /** The page, with the current data inlined so it renders without waiting for a request. */
  @GetMapping
  ResponseEntity<byte[]> page() {
    String nonce = nonce();
    String html =
        template
            .replace("{{nonce}}", nonce)
            .replace("{{initial}}", inlineJson(Map.of("items", views.list())));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'nonce-"
                + nonce
                + "'; style-src 'nonce-"
                + nonce
                + "'; connect-src 'self'; img-src 'self' data:; base-uri 'none';"
                + " form-action 'none'; frame-ancestors 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .body(html.getBytes(StandardCharsets.UTF_8));
  }

  /** The data the page refreshes from: the user list in the usual envelope. */
  @GetMapping("/data")
  ResponseEntity<byte[]> data() {
    ResponseEntity<byte[]> answer = ApiResponses.ok(Map.of("items", views.list()));
    return ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders())
        .header(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue())
        .body(answer.getBody());
  }

  /**
   * JSON safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} (which can only
   * occur inside JSON strings) become unicode escapes, so no value can close the element.
   */
  static String inlineJson(Object value) {
    return new String(JsonViews.write(value), StandardCharsets.UTF_8)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026");
  }

  private static String nonce() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String readTemplate() {
    try (InputStream in =
        StatusPageController.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("status page template missing: " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
