package io.channelmonitor.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic keys in the places they leak through, checked with the strongest property a test can
 * state: no 8-character window of the key (or of the encoded form placed in the text) survives.
 */
class SecretRedactorLeakTest {
  private static final int WINDOW = 8;
  private static final Charset UTF8 = StandardCharsets.UTF_8;
  private static final Random RANDOM = new Random(20260101L);

  /**
   * A key, the leading characters that are a public type marker (kept by pattern redaction, as in
   * {@code sk-proj-***}), and whether a pattern recognises it without being told.
   */
  record Key(String name, String value, int publicPrefix, boolean patternKnown) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Which redaction step is expected to catch a key in a context. */
  enum Kind {
    /** Free text: patterns catch keys of known formats. */
    FREE,
    /** Headers, fields, parameters, user info: rules catch any key by its position. */
    STRUCTURAL,
    /** Only exact-value redaction of a known key can catch it. */
    KNOWN_ONLY
  }

  /** A place a key can appear and the spelling of the key it shows. */
  record Context(String name, UnaryOperator<String> text, UnaryOperator<String> shown, Kind kind) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Key> KEYS =
      List.of(
          new Key(
              "openai project key",
              "sk-proj-" + random(74) + "T3BlbkFJ" + random(74),
              "sk-proj-".length(),
              true),
          new Key("anthropic key", "sk-ant-api03-" + random(93) + "AA", "sk-ant-".length(), true),
          new Key("google key", "AIza" + random(35), "AIza".length(), true),
          new Key("jwt", jwt(), "eyJ".length(), true),
          new Key("openai-compatible key", "sk-" + random(48), "sk-".length(), true),
          new Key("custom key", "zz9-custom-key-abcdefgh12345678", 0, false),
          new Key("key with symbols", "Zq7!p@ss/w0rd+key=xyz~%", 0, false));

  static final List<Context> CONTEXTS =
      List.of(
          free("plain text", k -> "upstream rejected key " + k + " for gpt-4o-mini"),
          free(
              "provider error JSON",
              k -> "{\"error\":{\"message\":\"Incorrect API key provided: " + k + "\"}}"),
          free("own line", k -> "error:\r\n" + k + "\r\nretry later"),
          structural("JSON field", k -> "{\"api_key\":\"" + k + "\",\"model\":\"m\"}"),
          structural("escaped JSON", k -> "body={\\\"x-api-key\\\":\\\"" + k + "\\\"}"),
          structural("authorization header", k -> "Authorization: Bearer " + k + "\r\nAccept: */*"),
          structural("x-api-key header", k -> "x-api-key: " + k),
          new Context(
              "query parameter",
              k -> "GET https://g.example/v1beta/models?key=" + url(k) + "&alt=sse failed",
              SecretRedactorLeakTest::url,
              Kind.STRUCTURAL),
          new Context(
              "URL userinfo",
              k -> "POST https://probe:" + url(k) + "@relay.example.com/v1 timed out",
              SecretRedactorLeakTest::url,
              Kind.STRUCTURAL),
          new Context(
              "basic credentials",
              k -> "Authorization: Basic " + base64("user:" + k),
              k -> base64("user:" + k),
              Kind.STRUCTURAL),
          known("URL-encoded", k -> "note=" + url(k) + "&x=1", SecretRedactorLeakTest::url),
          known("base64", k -> "payload " + base64(k) + " end", SecretRedactorLeakTest::base64),
          known(
              "base64url",
              k -> "payload " + base64Url(k) + " end",
              SecretRedactorLeakTest::base64Url),
          known(
              "base64 at an offset",
              k -> "blob " + base64("xy" + k + "z"),
              k -> base64("xy" + k + "z").substring(4)),
          known(
              "MIME base64",
              k -> Base64.getMimeEncoder().encodeToString((k + k + k).getBytes(UTF8)),
              k -> base64(k + k + k)),
          known(
              "split across CR/LF",
              k -> "key " + k.substring(0, k.length() / 2) + "\r\n" + k.substring(k.length() / 2),
              k -> k));

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Key key : KEYS) {
      for (Context context : CONTEXTS) {
        cases.add(Arguments.of(key, context, true));
        boolean redactable =
            context.kind() == Kind.STRUCTURAL
                || (context.kind() == Kind.FREE && key.patternKnown());
        if (redactable) {
          cases.add(Arguments.of(key, context, false));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} in {1}, known={2}")
  @MethodSource("cases")
  void noWindowOfTheKeySurvives(Key key, Context context, boolean known) {
    String input = context.text().apply(key.value());

    String output =
        known
            ? SecretRedactor.standard().redact(input, ApiKey.of(key.value()))
            : SecretRedactor.standard().redact(input, List.of());

    assertNoWindowSurvives(output, key.value(), known ? 0 : key.publicPrefix());
    String shown = context.shown().apply(key.value());
    if (!shown.equals(key.value())) {
      assertNoWindowSurvives(output, shown, 0);
    }
    assertThat(output).doesNotContain("\r", "\n");
    assertThat(SecretRedactor.standard().redact(output, List.of())).isEqualTo(output);
  }

  /**
   * Fails when {@code output} holds any {@value #WINDOW}-character substring of {@code secret},
   * except windows that lie wholly inside its first {@code publicPrefix} characters.
   */
  static void assertNoWindowSurvives(String output, String secret, int publicPrefix) {
    for (int i = 0; i + WINDOW <= secret.length(); i++) {
      if (i + WINDOW <= publicPrefix) {
        continue;
      }
      String window = secret.substring(i, i + WINDOW);
      assertThat(output)
          .as("window %d of the secret survived in: %s", i, output)
          .doesNotContain(window);
    }
  }

  private static Context free(String name, UnaryOperator<String> text) {
    return new Context(name, text, k -> k, Kind.FREE);
  }

  private static Context structural(String name, UnaryOperator<String> text) {
    return new Context(name, text, k -> k, Kind.STRUCTURAL);
  }

  /** Only exact-value redaction can find the key here; patterns cannot. */
  private static Context known(
      String name, UnaryOperator<String> text, UnaryOperator<String> shown) {
    return new Context("known only: " + name, text, shown, Kind.KNOWN_ONLY);
  }

  private static String random(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String jwt() {
    return base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
        + "."
        + base64Url("{\"sub\":\"1234567890\",\"name\":\"probe\",\"iat\":1516239022}")
        + "."
        + random(43);
  }

  private static String url(String text) {
    return URLEncoder.encode(text, UTF8);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(UTF8));
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF8));
  }
}
