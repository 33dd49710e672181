package io.channelmonitor.spring.boot.web;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.schedule.SettingsProvider;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only user API under {@code {base-path}/channel-monitors}: the enabled monitors with
 * status, availability and timeline, and one monitor's per-model figures. Nothing secret or
 * internal is shown (no endpoint, key, interval, edit times or messages). With the feature switch
 * off the list is empty and every status is 404.
 */
@RestController
@RequestMapping("${channel-monitor.web.base-path:/api/v1}/channel-monitors")
public class UserMonitorController extends ApiExceptionHandling {
  private final UserViews views;

  public UserMonitorController(ChannelMonitor channelMonitor, SettingsProvider featureSwitch) {
    this.views = new UserViews(channelMonitor, featureSwitch);
  }

  /** Every enabled monitor, by id. */
  @GetMapping
  ResponseEntity<byte[]> list() {
    return ApiResponses.ok(Map.of("items", views.list()));
  }

  /** One enabled monitor's models with 7, 15 and 30-day figures; 404 when missing or disabled. */
  @GetMapping("/{id}/status")
  ResponseEntity<byte[]> status(@PathVariable("id") String id) {
    return ApiResponses.ok(views.status(id));
  }
}
