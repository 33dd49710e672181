package io.channelmonitor;

import java.util.Locale;
import java.util.Optional;

/** An enum constant with a lower-case wire name, as stored and as sent in JSON. */
public interface WireValue {
  /** The wire name, for example {@code chat_completions}. */
  String wire();

  /**
   * The constant of {@code type} whose wire name equals {@code value}, ignoring case and blanks.
   */
  static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.wire().equals(wanted)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** Default wire name of an enum constant: its name in lower case. */
  static String lowerName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
