package io.channelmonitor.spring.boot.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.channelmonitor.spring.boot.view.JsonViews;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a request body into a {@link MonitorRequest}, refusing with a 400 ({@code
 * VALIDATION_ERROR}) anything that cannot be bound exactly: a body over {@link #MAX_BODY_BYTES},
 * malformed JSON, anything but an object, unknown fields, duplicate keys, wrong types (no "15" for
 * 15, no 1 for true), numbers out of range, null list items or header values and text with unpaired
 * surrogates. Messages name the field, never echo the value.
 */
final class RequestBodies {
  /** Largest accepted body: the 64 KiB body override plus room for everything else. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private RequestBodies() {}

  /** Reads and binds the body of a create or update. */
  static MonitorRequest monitorRequest(InputStream body) {
    JsonNode tree = tree(read(body));
    if (!tree.isObject()) {
      throw new BadRequestException("request body must be a JSON object");
    }
    if (hasUnpairedSurrogate(tree)) {
      throw new BadRequestException("request body contains invalid unicode text");
    }
    MonitorRequest request;
    try {
      request = JsonViews.mapper().treeToValue(tree, MonitorRequest.class);
    } catch (JacksonException e) {
      throw new BadRequestException(bindingMessage(e));
    }
    checkNoNulls(request);
    return request;
  }

  private static byte[] read(InputStream body) {
    if (body == null) {
      throw new BadRequestException("request body must be a JSON object");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = body.read(buffer)) != -1) {
        if (out.size() + n > MAX_BODY_BYTES) {
          throw new BadRequestException(
              "request body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new BadRequestException("request body could not be read");
    }
    if (out.size() == 0) {
      throw new BadRequestException("request body must be a JSON object");
    }
    return out.toByteArray();
  }

  private static JsonNode tree(byte[] bytes) {
    try {
      return JsonViews.mapper().readTree(bytes);
    } catch (StreamConstraintsException e) {
      throw new BadRequestException("request body has a value that is too long or too deep");
    } catch (IOException e) {
      throw new BadRequestException("request body is not valid JSON");
    }
  }

  private static String bindingMessage(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName() + "'";
    }
    if (e instanceof JsonMappingException bind && !fieldPath(bind).isEmpty()) {
      return "field '" + fieldPath(bind) + "' has the wrong type or is out of range";
    }
    return "request body does not match the expected fields";
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(RequestBodies::segment)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining("."));
  }

  private static String segment(JsonMappingException.Reference ref) {
    if (ref.getFieldName() != null) {
      return ref.getFieldName();
    }
    return ref.getIndex() >= 0 ? String.valueOf(ref.getIndex()) : "";
  }

  private static void checkNoNulls(MonitorRequest request) {
    if (request.extraModels() != null && request.extraModels().contains(null)) {
      throw new BadRequestException("field 'extra_models' must not hold null");
    }
    if (request.extraHeaders() != null) {
      for (Map.Entry<String, String> header : request.extraHeaders().entrySet()) {
        if (header.getValue() == null) {
          throw new BadRequestException("field 'extra_headers' must not hold null values");
        }
      }
    }
  }

  /** Whether a string or field name anywhere in {@code node} holds a lone surrogate. */
  static boolean hasUnpairedSurrogate(JsonNode node) {
    if (node.isTextual()) {
      return unpaired(node.textValue());
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (unpaired(field.getKey()) || hasUnpairedSurrogate(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (hasUnpairedSurrogate(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean unpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
