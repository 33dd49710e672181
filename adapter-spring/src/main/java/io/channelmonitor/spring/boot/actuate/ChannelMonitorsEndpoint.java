package io.channelmonitor.spring.boot.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.Page;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.spring.boot.view.AvailabilityReader;
import io.channelmonitor.spring.boot.view.JsonViews;
import io.channelmonitor.spring.boot.view.ModelStatusJson;
import io.channelmonitor.store.MonitorRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code channelmonitors} actuator endpoint: every monitor with its latest status and 7-day
 * availability, for operators. It shows no key, endpoint or message. The result is plain maps and
 * lists, so it renders the same with whatever JSON library the actuator uses.
 */
@Endpoint(id = "channelmonitors")
public class ChannelMonitorsEndpoint {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ChannelMonitor channelMonitor;
  private final AvailabilityReader availability;

  public ChannelMonitorsEndpoint(ChannelMonitor channelMonitor) {
    this.channelMonitor = channelMonitor;
    this.availability = new AvailabilityReader(channelMonitor);
  }

  /** Every monitor, newest id first. */
  @ReadOperation
  public Map<String, Object> monitors() {
    List<MonitorRecord> records = allMonitors();
    List<MonitorModels> models = new ArrayList<>();
    records.forEach(
        r -> models.add(new MonitorModels(r.id(), r.config().primaryModel(), r.config().models())));
    Map<Long, MonitorAvailability> figures = availability.read(models, AvailabilityReader.WEEK);
    List<Object> out = new ArrayList<>();
    for (MonitorRecord record : records) {
      out.add(JsonViews.mapper().convertValue(Entry.of(record, figures.get(record.id())), MAP));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("monitors", out);
    return body;
  }

  private List<MonitorRecord> allMonitors() {
    List<MonitorRecord> all = new ArrayList<>();
    MonitorQuery query = MonitorQuery.all().withPage(1, MonitorQuery.MAX_PAGE_SIZE);
    Page<MonitorRecord> page;
    do {
      page = channelMonitor.store().listMonitors(query);
      all.addAll(page.items());
      query = query.withPage(query.page() + 1, query.pageSize());
    } while (page.page() < page.pages() && !page.items().isEmpty());
    return all;
  }

  /** One monitor in the endpoint's answer. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Entry(
      @JsonProperty("id") long id,
      @JsonProperty("name") String name,
      @JsonProperty("provider") String provider,
      @JsonProperty("group_name") String groupName,
      @JsonProperty("enabled") boolean enabled,
      @JsonProperty("primary_model") String primaryModel,
      @JsonProperty("primary_status") String primaryStatus,
      @JsonProperty("primary_latency_ms") Long primaryLatencyMs,
      @JsonProperty("availability_7d") Double availability7d,
      @JsonProperty("last_checked_at") String lastCheckedAt,
      @JsonProperty("models") List<ModelStatusJson> models) {

    static Entry of(MonitorRecord record, MonitorAvailability figures) {
      ModelAvailability primary = figures == null ? null : figures.primary();
      return new Entry(
          record.id(),
          record.config().name(),
          record.config().provider(),
          record.config().groupName(),
          record.config().enabled(),
          record.config().primaryModel(),
          primary == null ? null : JsonViews.status(primary.latestStatus()),
          primary == null ? null : primary.latestLatencyMs(),
          primary == null ? null : JsonViews.percent(primary.windows().get(7)),
          JsonViews.time(record.lastCheckedAt()),
          record.config().models().stream().map(m -> ModelStatusJson.of(m, figures)).toList());
    }
  }
}
