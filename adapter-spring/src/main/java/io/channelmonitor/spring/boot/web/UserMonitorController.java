package io.channelmonitor.spring.boot.web;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.MonitorNotFoundException;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.spring.boot.view.AvailabilityReader;
import io.channelmonitor.spring.boot.view.UserMonitorJson;
import io.channelmonitor.spring.boot.view.UserStatusJson;
import io.channelmonitor.store.MonitorRecord;
import java.util.Comparator;
import java.util.List;
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
  private final ChannelMonitor channelMonitor;
  private final SettingsProvider featureSwitch;
  private final AvailabilityReader availability;

  public UserMonitorController(ChannelMonitor channelMonitor, SettingsProvider featureSwitch) {
    this.channelMonitor = channelMonitor;
    this.featureSwitch = featureSwitch;
    this.availability = new AvailabilityReader(channelMonitor);
  }

  /** Every enabled monitor, by id. */
  @GetMapping
  ResponseEntity<byte[]> list() {
    return ApiResponses.ok(Map.of("items", switchOn() ? items() : List.of()));
  }

  /** The enabled monitors with their 7-day figures and timelines, by id. */
  List<UserMonitorJson> items() {
    List<MonitorRecord> enabled =
        channelMonitor.store().listEnabledMonitors().stream()
            .sorted(Comparator.comparingLong(MonitorRecord::id))
            .toList();
    Map<Long, MonitorAvailability> figures =
        availability.read(
            enabled.stream().map(UserMonitorController::models).toList(), AvailabilityReader.WEEK);
    return enabled.stream()
        .map(r -> UserMonitorJson.of(r.id(), r.config(), figures.get(r.id())))
        .toList();
  }

  /** One enabled monitor's models with 7, 15 and 30-day figures; 404 when missing or disabled. */
  @GetMapping("/{id}/status")
  ResponseEntity<byte[]> status(@PathVariable("id") String id) {
    if (!switchOn()) {
      throw new MonitorNotFoundException(0);
    }
    long monitorId = QueryParams.monitorId(id);
    MonitorRecord monitor =
        channelMonitor
            .store()
            .findMonitor(monitorId)
            .filter(m -> m.config().enabled())
            .orElseThrow(() -> new MonitorNotFoundException(monitorId));
    MonitorAvailability figures =
        availability.read(List.of(models(monitor)), AvailabilityReader.USER_WINDOWS).get(monitorId);
    return ApiResponses.ok(UserStatusJson.of(monitorId, monitor.config(), figures));
  }

  /** Whether the feature switch is on; a switch that cannot be read counts as on. */
  boolean switchOn() {
    try {
      return featureSwitch.monitoringEnabled();
    } catch (Exception e) {
      return true;
    }
  }

  private static MonitorModels models(MonitorRecord record) {
    return new MonitorModels(record.id(), record.config().primaryModel(), record.config().models());
  }
}
