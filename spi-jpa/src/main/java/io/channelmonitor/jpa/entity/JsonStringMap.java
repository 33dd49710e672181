package io.channelmonitor.jpa.entity;

import com.fasterxml.jackson.databind.JavaType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a map of strings as a JSON object whose member order is the map's iteration order. */
@Converter
public class JsonStringMap implements AttributeConverter<Map<String, String>, String> {
  private final JsonText json = new JsonText();
  private final JavaType type =
      json.types().constructMapType(LinkedHashMap.class, String.class, String.class);

  @Override
  public String convertToDatabaseColumn(Map<String, String> value) {
    return value == null ? null : json.write(value);
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String text) {
    return text == null ? null : json.read(text, type);
  }
}
