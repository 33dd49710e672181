package io.channelmonitor.spring.boot.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.MonitorService;
import io.channelmonitor.Page;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.spring.boot.view.AdminMonitorJson;
import io.channelmonitor.spring.boot.view.AvailabilityReader;
import io.channelmonitor.spring.boot.view.ResultJson;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API under {@code {base-path}/admin/channel-monitors}: list, create, get, update,
 * delete, run now and history. It has <b>no security of its own</b> and is off unless {@code
 * channel-monitor.web.admin.enabled=true}; the host protects it (for example with Spring Security).
 */
@RestController
@RequestMapping("${channel-monitor.web.base-path:/api/v1}/admin/channel-monitors")
public class AdminMonitorController extends ApiExceptionHandling {
  private final ChannelMonitor channelMonitor;
  private final AvailabilityReader availability;

  public AdminMonitorController(ChannelMonitor channelMonitor) {
    this.channelMonitor = channelMonitor;
    this.availability = new AvailabilityReader(channelMonitor);
  }

  /** One page, newest first, each monitor with its latest status and 7-day availability. */
  @GetMapping
  ResponseEntity<byte[]> list(
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "page_size", required = false) String pageSize,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "provider", required = false) String provider,
      @RequestParam(name = "enabled", required = false) String enabled,
      @RequestParam(name = "search", required = false) String search) {
    int size =
        QueryParams.intOr(pageSize, QueryParams.intOr(limit, MonitorQuery.DEFAULT_PAGE_SIZE));
    MonitorQuery query =
        new MonitorQuery(
            provider, QueryParams.flag(enabled), search, QueryParams.intOr(page, 1), size);
    Page<Monitor> found = service().list(query);
    List<MonitorModels> models = found.items().stream().map(MonitorModels::of).toList();
    Map<Long, MonitorAvailability> figures = availability.read(models, AvailabilityReader.WEEK);
    List<AdminMonitorJson> items =
        found.items().stream().map(m -> AdminMonitorJson.of(m, figures.get(m.id()))).toList();
    return ApiResponses.ok(
        new PageJson<>(items, found.total(), found.page(), found.pageSize(), found.pages()));
  }

  @PostMapping
  ResponseEntity<byte[]> create(InputStream body) {
    Monitor created = service().create(RequestBodies.monitorRequest(body).toDraft());
    return ApiResponses.created(AdminMonitorJson.of(created, null));
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> get(@PathVariable("id") String id) {
    return ApiResponses.ok(AdminMonitorJson.of(service().get(QueryParams.monitorId(id)), null));
  }

  /** A partial update: absent or null fields keep their values, a blank key keeps the key. */
  @PutMapping("/{id}")
  ResponseEntity<byte[]> update(@PathVariable("id") String id, InputStream body) {
    long monitorId = QueryParams.monitorId(id);
    Monitor updated = service().update(monitorId, RequestBodies.monitorRequest(body).toPatch());
    return ApiResponses.ok(AdminMonitorJson.of(updated, null));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<byte[]> delete(@PathVariable("id") String id) {
    service().delete(QueryParams.monitorId(id));
    return ApiResponses.ok(null);
  }

  /** Probes the monitor now (enabled or not) and returns the stored results. */
  @PostMapping("/{id}/run")
  ResponseEntity<byte[]> run(@PathVariable("id") String id) {
    List<ResultJson> results =
        service().runNow(QueryParams.monitorId(id)).stream().map(ResultJson::of).toList();
    return ApiResponses.ok(Map.of("results", results));
  }

  /** The newest results, newest first: {@code model} filters, {@code limit} 1..1000 (100). */
  @GetMapping("/{id}/history")
  ResponseEntity<byte[]> history(
      @PathVariable("id") String id,
      @RequestParam(name = "model", required = false) String model,
      @RequestParam(name = "limit", required = false) String limit) {
    List<ResultJson> items =
        service()
            .history(
                QueryParams.monitorId(id),
                model,
                QueryParams.intOr(limit, MonitorService.DEFAULT_HISTORY_LIMIT))
            .stream()
            .map(ResultJson::of)
            .toList();
    return ApiResponses.ok(Map.of("items", items));
  }

  private MonitorService service() {
    return channelMonitor.monitors();
  }

  /** A page of items: {@code {items, total, page, page_size, pages}}. */
  record PageJson<T>(
      @JsonProperty("items") List<T> items,
      @JsonProperty("total") long total,
      @JsonProperty("page") int page,
      @JsonProperty("page_size") int pageSize,
      @JsonProperty("pages") int pages) {}
}
