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

/**
 * What users may see, shared by the user API and the status page: enabled monitors only, read
 * straight from the store (no key is ever decrypted for them), and nothing while the feature switch
 * is off.
 */
final class UserViews {
  private final ChannelMonitor channelMonitor;
  private final SettingsProvider featureSwitch;
  private final AvailabilityReader availability;

  UserViews(ChannelMonitor channelMonitor, SettingsProvider featureSwitch) {
    this.channelMonitor = channelMonitor;
    this.featureSwitch = featureSwitch;
    this.availability = new AvailabilityReader(channelMonitor);
  }

  /** The enabled monitors by id with 7-day figures and timelines; empty with the switch off. */
  List<UserMonitorJson> list() {
    if (!switchOn()) {
      return List.of();
    }
    List<MonitorRecord> enabled =
        channelMonitor.store().listEnabledMonitors().stream()
            .sorted(Comparator.comparingLong(MonitorRecord::id))
            .toList();
    Map<Long, MonitorAvailability> figures =
        availability.read(
            enabled.stream().map(UserViews::models).toList(), AvailabilityReader.WEEK);
    return enabled.stream()
        .map(r -> UserMonitorJson.of(r.id(), r.config(), figures.get(r.id())))
        .toList();
  }

  /**
   * One enabled monitor's figures over 7, 15 and 30 days.
   *
   * @throws MonitorNotFoundException when the switch is off (checked before the id), or the monitor
   *     is missing or disabled
   * @throws BadRequestException when the id is not a positive integer
   */
  UserStatusJson status(String id) {
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
    return UserStatusJson.of(monitorId, monitor.config(), figures);
  }

  /** Whether the feature switch is on; a switch that cannot be read counts as on. */
  private boolean switchOn() {
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
