package io.channelmonitor.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelmonitor.ApiMode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.WireValue;
import io.channelmonitor.store.MonitorRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Maps monitors to and from rows of the monitors table. Extra models are a JSON array and extra
 * headers a JSON object whose member order is the header order; enums are stored by wire name.
 */
final class MonitorMapping {
  /** The 15 columns {@link #bindConfig} binds, in its order. */
  static final String CONFIG_COLUMNS =
      "name, provider, endpoint, api_key_ciphertext, primary_model, extra_models, group_name,"
          + " enabled, interval_seconds, jitter_seconds, api_mode, extra_headers,"
          + " body_override_mode, body_override, stream";

  /** Every column, in the order of a SELECT. */
  static final String ALL_COLUMNS =
      "id, version, " + CONFIG_COLUMNS + ", created_at, updated_at, last_checked_at";

  private final ObjectMapper json = new ObjectMapper();
  private final JavaType modelList =
      json.getTypeFactory().constructCollectionType(List.class, String.class);
  private final JavaType headerMap =
      json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class);
  private final String table;

  MonitorMapping(String table) {
    this.table = table;
  }

  /**
   * Binds the {@link #CONFIG_COLUMNS} of {@code monitor} from parameter 1.
   *
   * @return the index of the next parameter
   */
  int bindConfig(PreparedStatement statement, MonitorRecord monitor) throws SQLException {
    MonitorConfig config = monitor.config();
    int i = 1;
    statement.setString(i++, config.name());
    statement.setString(i++, config.provider());
    statement.setString(i++, config.endpoint());
    statement.setString(i++, monitor.apiKeyCiphertext());
    statement.setString(i++, config.primaryModel());
    statement.setString(i++, toJson(config.extraModels()));
    statement.setString(i++, config.groupName());
    statement.setBoolean(i++, config.enabled());
    statement.setInt(i++, config.intervalSeconds());
    statement.setInt(i++, config.jitterSeconds());
    statement.setString(i++, config.apiMode().wire());
    statement.setString(i++, toJson(config.extraHeaders()));
    statement.setString(i++, config.bodyOverrideMode().wire());
    statement.setString(i++, config.bodyOverride());
    statement.setBoolean(i++, config.stream());
    return i;
  }

  /** The monitor in the current row of a SELECT of {@link #ALL_COLUMNS}. */
  MonitorRecord read(ResultSet rows) throws SQLException {
    MonitorConfig config =
        new MonitorConfig(
            rows.getString("name"),
            rows.getString("provider"),
            rows.getString("endpoint"),
            rows.getString("primary_model"),
            fromJson(rows.getString("extra_models"), modelList, "extra_models"),
            rows.getString("group_name"),
            rows.getBoolean("enabled"),
            rows.getInt("interval_seconds"),
            rows.getInt("jitter_seconds"),
            wire(ApiMode.class, rows.getString("api_mode"), "api_mode"),
            fromJson(rows.getString("extra_headers"), headerMap, "extra_headers"),
            wire(
                BodyOverrideMode.class, rows.getString("body_override_mode"), "body_override_mode"),
            rows.getString("body_override"),
            rows.getBoolean("stream"));
    return new MonitorRecord(
        rows.getLong("id"),
        rows.getLong("version"),
        config,
        rows.getString("api_key_ciphertext"),
        Jdbc.getInstant(rows, "created_at"),
        Jdbc.getInstant(rows, "updated_at"),
        Jdbc.getInstant(rows, "last_checked_at"));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a list or map of strings as JSON", e);
    }
  }

  private <T> T fromJson(String text, JavaType type, String column) {
    try {
      T value = json.readValue(text, type);
      if (value == null) {
        throw Jdbc.corruptRow(table, column);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw Jdbc.corruptRow(table, column);
    }
  }

  private <E extends Enum<E> & WireValue> E wire(Class<E> type, String value, String column) {
    return WireValue.parse(type, value).orElseThrow(() -> Jdbc.corruptRow(table, column));
  }
}
