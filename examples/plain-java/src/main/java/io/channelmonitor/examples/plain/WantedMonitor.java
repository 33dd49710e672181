package io.channelmonitor.examples.plain;

import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorPatch;
import io.channelmonitor.examples.demo.DemoChannel;
import io.channelmonitor.examples.demo.DemoChannels;
import io.channelmonitor.secret.ApiKey;
import java.util.Objects;

/**
 * A monitor the demo wants this run, identified by its name. {@link #toString()} never shows the
 * key ({@link ApiKey} masks it).
 */
record WantedMonitor(
    String name,
    String group,
    String provider,
    String endpoint,
    ApiKey apiKey,
    String model,
    boolean stream,
    int intervalSeconds) {

  WantedMonitor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(model, "model");
  }

  /** A demo channel played by the fake upstream at {@code endpoint}. */
  static WantedMonitor fake(DemoChannel channel, String endpoint) {
    return new WantedMonitor(
        channel.name(),
        DemoChannels.GROUP,
        channel.provider(),
        endpoint,
        ApiKey.of(channel.fakeApiKey()),
        channel.model(),
        channel.stream(),
        DemoChannels.INTERVAL_SECONDS);
  }

  /** A new monitor, disabled until the demo has started the scheduler. */
  MonitorDraft draft() {
    return MonitorDraft.builder()
        .name(name)
        .groupName(group)
        .provider(provider)
        .endpoint(endpoint)
        .apiKey(apiKey.reveal())
        .primaryModel(model)
        .stream(stream)
        .intervalSeconds(intervalSeconds)
        .enabled(false)
        .build();
  }

  /** The changes that make a stored monitor this one, disabled; the key only when asked. */
  MonitorPatch patch(boolean withKey) {
    MonitorPatch.Builder patch =
        MonitorPatch.builder()
            .groupName(group)
            .provider(provider)
            .endpoint(endpoint)
            .primaryModel(model)
            .stream(stream)
            .intervalSeconds(intervalSeconds)
            .enabled(false);
    if (withKey) {
      patch.apiKey(apiKey.reveal());
    }
    return patch.build();
  }
}
