package io.channelmonitor.examples.boot;

import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorPatch;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.MonitorService;
import io.channelmonitor.Page;
import io.channelmonitor.examples.demo.DemoChannel;
import io.channelmonitor.examples.demo.DemoChannels;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;

/**
 * Seeds the demo channels once the application has started, then prints where to look. Idempotent:
 * monitors are found by name, so a restart creates nothing new; one whose endpoint no longer
 * matches the fake upstream (another port) or whose key cannot be decrypted (a lost key ring) is
 * updated. Monitors added through the admin API are left alone.
 */
class DemoSeeder implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final MonitorService monitors;
  private final FakeUpstream upstream;
  private final Environment environment;

  DemoSeeder(MonitorService monitors, FakeUpstream upstream, Environment environment) {
    this.monitors = monitors;
    this.upstream = upstream;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    Map<String, Monitor> stored = storedByName();
    int created = 0;
    int updated = 0;
    for (DemoChannel channel : DemoChannels.catalogue()) {
      Monitor existing = stored.get(channel.name());
      if (existing == null) {
        monitors.create(draft(channel));
        created++;
      } else if (!existing.endpoint().equals(upstream.endpoint()) || existing.keyDecryptFailed()) {
        monitors.update(existing.id(), patch(channel, existing.keyDecryptFailed()));
        updated++;
      }
    }
    log.info(
        "demo: {} monitors created, {} updated, {} kept as they were",
        created,
        updated,
        DemoChannels.DISTINCT - created - updated);
    log.info(DemoUrls.from(environment).banner());
  }

  private MonitorDraft draft(DemoChannel channel) {
    return MonitorDraft.builder()
        .name(channel.name())
        .groupName(DemoChannels.GROUP)
        .provider(channel.provider())
        .endpoint(upstream.endpoint())
        .apiKey(channel.fakeApiKey())
        .primaryModel(channel.model())
        .stream(channel.stream())
        .intervalSeconds(DemoChannels.INTERVAL_SECONDS)
        .build();
  }

  private MonitorPatch patch(DemoChannel channel, boolean newKey) {
    MonitorPatch.Builder patch = MonitorPatch.builder().endpoint(upstream.endpoint());
    if (newKey) {
      patch.apiKey(channel.fakeApiKey());
    }
    return patch.build();
  }

  private Map<String, Monitor> storedByName() {
    Map<String, Monitor> byName = new HashMap<>();
    for (int page = 1; ; page++) {
      Page<Monitor> found =
          monitors.list(MonitorQuery.all().withPage(page, MonitorQuery.MAX_PAGE_SIZE));
      found.items().forEach(monitor -> byName.putIfAbsent(monitor.name(), monitor));
      if (page >= found.pages()) {
        return byName;
      }
    }
  }
}
