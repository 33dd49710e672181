package io.channelmonitor.jpa.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * JSON text for the converters. Errors never carry the text: a header value may be a credential,
 * and Jackson quotes the offending input in its messages, so its exceptions are not chained.
 */
final class JsonText {
  private final ObjectMapper mapper = new ObjectMapper();

  TypeFactory types() {
    return mapper.getTypeFactory();
  }

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "channel-monitor JPA store: cannot write "
              + value.getClass().getSimpleName()
              + " as JSON");
    }
  }

  <T> T read(String text, JavaType type) {
    try {
      T value = mapper.readValue(text, type);
      if (value == null) {
        throw invalid(type);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw invalid(type);
    }
  }

  private static IllegalArgumentException invalid(JavaType type) {
    return new IllegalArgumentException(
        "channel-monitor JPA store: a column holds text that is not a JSON "
            + (type.isMapLikeType() ? "object of strings" : "array of strings"));
  }
}
