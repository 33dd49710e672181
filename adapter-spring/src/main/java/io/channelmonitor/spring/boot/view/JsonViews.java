package io.channelmonitor.spring.boot.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.history.WindowFigures;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The starter's own JSON: a private Jackson 2 mapper (the one the library core already depends on),
 * so the wire format is the same whatever JSON library, version or settings the host application
 * gives Spring MVC (Boot 4 defaults to Jackson 3). Reading is strict: unknown fields, wrong types,
 * duplicate keys, trailing data and oversized values are refused.
 */
public final class JsonViews {
  /** Longest string value a request may carry; the body cap is the tighter limit in practice. */
  static final int MAX_STRING_LENGTH = 256 * 1024;

  /** Deepest nesting a request may carry. */
  static final int MAX_NESTING_DEPTH = 64;

  private static final ObjectMapper MAPPER = buildMapper();

  private JsonViews() {}

  /** The shared mapper; thread-safe. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as JSON bytes. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 3339 in UTC with second precision ({@code 2026-04-22T10:00:00Z}), or null. */
  public static String time(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The wire name of a status, or null. */
  public static String status(CheckStatus status) {
    return status == null ? null : status.wire();
  }

  /** The availability of a window in percent, rounded to two decimals; null without data. */
  public static Double percent(WindowFigures figures) {
    if (figures == null || figures.availabilityPercent() == null) {
      return null;
    }
    return Math.round(figures.availabilityPercent() * 100.0) / 100.0;
  }

  /** A stored JSON object text as a tree, or null. */
  public static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static ObjectMapper buildMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return mapper;
  }
}
