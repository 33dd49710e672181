package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The error JSON of each provider family. Stateless. */
final class ErrorShapes {
  private ErrorShapes() {}

  /**
   * OpenAI (chat and Responses): {@code {"error":{"message":..,"type":..,"param":null,"code":..}}}.
   */
  static ObjectNode openAi(ErrorKind kind, String message) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("message", message);
    error.put("type", openAiType(kind));
    error.putNull("param");
    String code = openAiCode(kind);
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("error", error);
    return body;
  }

  /** Anthropic: {@code {"type":"error","error":{"type":..,"message":..}}}. */
  static ObjectNode anthropic(ErrorKind kind, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", "error");
    ObjectNode error = body.putObject("error");
    error.put("type", anthropicType(kind));
    error.put("message", message);
    return body;
  }

  /** Gemini (Google APIs): {@code {"error":{"code":..,"message":..,"status":..}}}. */
  static ObjectNode gemini(ErrorKind kind, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", kind == ErrorKind.OVERLOADED ? 503 : kind.status());
    error.put("message", message);
    error.put("status", geminiStatus(kind));
    return body;
  }

  private static String openAiType(ErrorKind kind) {
    return switch (kind) {
      case RATE_LIMITED -> "requests";
      case SERVER, OVERLOADED -> "server_error";
      default -> "invalid_request_error";
    };
  }

  private static String openAiCode(ErrorKind kind) {
    return switch (kind) {
      case UNAUTHENTICATED -> "invalid_api_key";
      case RATE_LIMITED -> "rate_limit_exceeded";
      case NOT_FOUND -> "unknown_url";
      default -> null;
    };
  }

  private static String anthropicType(ErrorKind kind) {
    return switch (kind) {
      case UNAUTHENTICATED -> "authentication_error";
      case NOT_FOUND -> "not_found_error";
      case TOO_LARGE -> "request_too_large";
      case RATE_LIMITED -> "rate_limit_error";
      case SERVER -> "api_error";
      case OVERLOADED -> "overloaded_error";
      default -> "invalid_request_error";
    };
  }

  private static String geminiStatus(ErrorKind kind) {
    return switch (kind) {
      case UNAUTHENTICATED -> "UNAUTHENTICATED";
      case NOT_FOUND -> "NOT_FOUND";
      case RATE_LIMITED -> "RESOURCE_EXHAUSTED";
      case SERVER -> "INTERNAL";
      case OVERLOADED -> "UNAVAILABLE";
      default -> "INVALID_ARGUMENT";
    };
  }
}
