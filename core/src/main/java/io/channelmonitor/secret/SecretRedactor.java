package io.channelmonitor.secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Removes secrets from text the library emits: results, exception messages, logs, events. Immutable
 * and thread-safe.
 *
 * <p>In order: every spelling of the secrets the caller knows (the value, its URL-encoded and
 * base64 forms) becomes {@code ***}; then patterns catch secrets nobody named ({@code sk-...},
 * {@code sk-ant-...}, {@code AIza...}, JWTs, {@code Bearer} values, credential headers, JSON fields
 * and query parameters, URL user info), keeping a public prefix such as {@code sk-proj-***}; last,
 * line breaks and other control characters except tab become spaces, so emitted text can never
 * start a forged log line. Redacting twice gives the same text as redacting once.
 */
public final class SecretRedactor {
  private static final SecretRedactor STANDARD = new SecretRedactor();

  private SecretRedactor() {}

  /** The redactor with the library's built-in patterns. */
  public static SecretRedactor standard() {
    return STANDARD;
  }

  /**
   * {@code text} with every occurrence of {@code knownSecrets} and every pattern match redacted;
   * {@code ""} for null. Null and empty secrets are ignored; short ones are still replaced where
   * they occur exactly, though their encoded forms are not searched.
   */
  public String redact(String text, Collection<String> knownSecrets) {
    if (text == null || text.isEmpty()) {
      // Nothing to hide: every operational result has an empty message, and deriving the key's
      // spellings and running every rule over "" cost about 5 us per result.
      return "";
    }
    List<String> spellings =
        knownSecrets == null ? List.of() : KnownSecrets.spellings(knownSecrets);
    String result = neutralizeControls(text, false);
    result = KnownSecrets.redact(result, spellings);
    result = RedactionRules.apply(result);
    return neutralizeControls(result, true);
  }

  /** As {@link #redact(String, Collection)}, with the values of {@code keys}. */
  public String redact(String text, ApiKey... keys) {
    List<String> secrets = new ArrayList<>();
    if (keys != null) {
      for (ApiKey key : keys) {
        if (key != null && !key.isEmpty()) {
          secrets.add(key.reveal());
        }
      }
    }
    return redact(text, secrets);
  }

  /**
   * Replaces control characters with spaces: C0 except tab, DEL, NEL and the Unicode line and
   * paragraph separators. CR and LF are kept on the first pass because the header rule ends a value
   * at the end of its line.
   */
  private static String neutralizeControls(String text, boolean lineBreaks) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\r' || c == '\n';
      boolean control =
          (c < 0x20 && c != '\t' && !lineBreak)
              || c == 0x7F
              || c == 0x85
              || c == 0x2028
              || c == 0x2029;
      if (control || (lineBreaks && lineBreak)) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, ' ');
      }
    }
    return out == null ? text : out.toString();
  }

  @Override
  public String toString() {
    return "SecretRedactor[standard]";
  }
}
