package io.channelmonitor.jpa.entity;

import com.fasterxml.jackson.databind.JavaType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores a list of strings as a JSON array, in order. */
@Converter
public class JsonStringList implements AttributeConverter<List<String>, String> {
  private final JsonText json = new JsonText();
  private final JavaType type = json.types().constructCollectionType(List.class, String.class);

  @Override
  public String convertToDatabaseColumn(List<String> value) {
    return value == null ? null : json.write(value);
  }

  @Override
  public List<String> convertToEntityAttribute(String text) {
    return text == null ? null : json.read(text, type);
  }
}
