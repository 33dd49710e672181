package io.channelmonitor.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact-value redaction: every spelling of the secrets the library knows (as is, URL-encoded,
 * base64 in both alphabets and at each byte alignment) is replaced by the marker. Line breaks
 * inside a match are ignored, so a secret wrapped over two lines (as MIME base64 wraps) is still
 * found.
 */
final class KnownSecrets {
  static final String MARKER = "***";

  /**
   * Secrets shorter than this are searched only as they are, and encoded spellings shorter than
   * this are dropped: they would match ordinary text by chance.
   */
  private static final int MIN_ENCODED_LENGTH = 8;

  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");

  private KnownSecrets() {}

  /** All spellings of {@code secrets} worth searching for, longest first. */
  static List<String> spellings(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret == null || secret.isBlank()) {
        continue;
      }
      String stripped = secret.strip();
      forms.add(secret);
      forms.add(stripped);
      if (stripped.length() >= MIN_ENCODED_LENGTH) {
        addDerived(forms, stripped);
      }
    }
    // Matching ignores line breaks in the text, so it must ignore them in the secret too.
    Set<String> joined = new LinkedHashSet<>();
    for (String form : forms) {
      String withoutBreaks = form.replace("\r", "").replace("\n", "");
      if (!MARKER.contains(withoutBreaks)) {
        joined.add(withoutBreaks);
      }
    }
    List<String> sorted = new ArrayList<>(joined);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }

  /** Replaces each run of text covered by some spelling with one marker. */
  static String redact(String text, List<String> spellings) {
    if (spellings.isEmpty() || text.isEmpty()) {
      return text;
    }
    StringBuilder joined = new StringBuilder(text.length());
    int[] origin = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\r' && c != '\n') {
        origin[joined.length()] = i;
        joined.append(c);
      }
    }
    boolean[] covered = new boolean[text.length()];
    boolean any = false;
    for (String spelling : spellings) {
      for (int at = joined.indexOf(spelling); at >= 0; at = joined.indexOf(spelling, at + 1)) {
        int from = origin[at];
        int to = origin[at + spelling.length() - 1];
        for (int i = from; i <= to; i++) {
          covered[i] = true;
        }
        any = true;
      }
    }
    return any ? replaceCovered(text, covered) : text;
  }

  private static String replaceCovered(String text, boolean[] covered) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!covered[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !covered[i - 1]) {
        out.append(MARKER);
      }
    }
    return out.toString();
  }

  private static void addDerived(Set<String> forms, String secret) {
    List<String> derived = new ArrayList<>();
    String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    derived.add(urlEncoded);
    derived.add(lowerCaseEscapes(urlEncoded));
    derived.add(urlEncoded.replace("+", "%20"));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
      derived.add(encoder.encodeToString(bytes));
      for (int offset = 0; offset < 3; offset++) {
        derived.add(alignedBase64(encoder, bytes, offset));
      }
    }
    for (String form : derived) {
      if (form.length() >= MIN_ENCODED_LENGTH) {
        forms.add(form);
      }
    }
  }

  /**
   * The base64 characters that depend only on {@code bytes} when they start {@code offset} bytes
   * after a 3-byte boundary of a longer encoded stream (as the key does in {@code user:key}).
   */
  private static String alignedBase64(Base64.Encoder encoder, byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = encoder.withoutPadding().encodeToString(shifted);
    int skipLeading = offset == 0 ? 0 : offset + 1;
    int skipTrailing = shifted.length % 3 == 0 ? 0 : 1;
    if (encoded.length() - skipTrailing <= skipLeading) {
      return "";
    }
    return encoded.substring(skipLeading, encoded.length() - skipTrailing);
  }

  private static String lowerCaseEscapes(String urlEncoded) {
    Matcher escapes = PERCENT_ESCAPE.matcher(urlEncoded);
    return escapes.replaceAll(escape -> escape.group().toLowerCase(Locale.ROOT));
  }
}
