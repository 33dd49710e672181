package io.channelmonitor.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRedactorTest {
  private static final SecretRedactor REDACTOR = SecretRedactor.standard();

  static Stream<Arguments> patterns() {
    return Stream.of(
        Arguments.of("key sk-ant-api03-abcdefghij0123 rejected", "key sk-ant-*** rejected"),
        Arguments.of("sk-ant-oat01-abcdefghij", "sk-ant-***"),
        Arguments.of("sk-proj-abcdefghij12", "sk-proj-***"),
        Arguments.of("(sk-svcacct-abcdefghij12)", "(sk-svcacct-***)"),
        Arguments.of("sk-admin-abcdefghijk", "sk-admin-***"),
        Arguments.of("relay key sk-1234567890abcdef.", "relay key sk-***."),
        Arguments.of("key=sk-abcdefghijklmnop_-12", "key=sk-***"),
        Arguments.of("xai-abc123def", "xai-***"),
        Arguments.of("AIzaSyA1234567890abcdefghijklmnopqrstu", "AIza***"),
        Arguments.of("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_abc-123 ok", "jwt eyJ*** ok"),
        Arguments.of("unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "unsigned eyJ***"),
        Arguments.of("Bearer abc123DEF456ghi", "Bearer ***"),
        Arguments.of("basic dXNlcjpwYXNzd29yZA==", "basic ***"),
        Arguments.of("BEARER\tabcdef12", "BEARER\t***"),
        Arguments.of("Authorization: Bearer sk-abcdefghijklmnop1234", "Authorization: Bearer ***"),
        Arguments.of("authorization=Token abcdef", "authorization=***"),
        Arguments.of("Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: Basic ***"),
        Arguments.of("Authorization: Bearer plainlowercase", "Authorization: Bearer ***"),
        Arguments.of("x-api-key: zz9-custom", "x-api-key: ***"),
        Arguments.of("X-Goog-Api-Key:abc123", "X-Goog-Api-Key:***"),
        Arguments.of("api-key = secretvalue, model=gpt-4o", "api-key = ***, model=gpt-4o"),
        Arguments.of("Cookie: session=abc; theme=dark", "Cookie: ***"),
        Arguments.of("Set-Cookie: id=a3fWa; Max-Age=2592000", "Set-Cookie: ***"),
        Arguments.of(
            "{Authorization=Bearer abcdefgh123, Accept=json}",
            "{Authorization=Bearer ***, Accept=json}"),
        Arguments.of("OPENAI_API_KEY=zz9custom", "OPENAI_API_KEY=***"),
        Arguments.of("channel-monitor.api-key: 'abc 123'", "channel-monitor.api-key: '***'"),
        Arguments.of("password: \"hunter2\" given", "password: \"***\" given"),
        Arguments.of(
            "https://h/v1/models?key=abc123&alt=sse", "https://h/v1/models?key=***&alt=sse"),
        Arguments.of(
            "https://h/x?alt=sse&API_KEY=abc#frag", "https://h/x?alt=sse&API_KEY=***#frag"),
        Arguments.of(
            "/x?access_token=abc&sig=xyz&signature=12&api-key=q",
            "/x?access_token=***&sig=***&signature=***&api-key=***"),
        Arguments.of("?token=abc%2Fdef \"next\"", "?token=*** \"next\""),
        Arguments.of("https://user:p4ss@relay.example.com/v1", "https://***@relay.example.com/v1"),
        Arguments.of("proxy http://onlyuser@host:8080/", "proxy http://***@host:8080/"),
        Arguments.of("https://u:p@ss@host/x", "https://***@host/x"),
        Arguments.of(
            "{\"api_key\":\"abc\",\"model\":\"gpt-4o-mini\"}",
            "{\"api_key\":\"***\",\"model\":\"gpt-4o-mini\"}"),
        Arguments.of("{\"x-api-key\": \"abc def\"}", "{\"x-api-key\": \"***\"}"),
        Arguments.of("{'password': 'hunter2'}", "{'password': '***'}"),
        Arguments.of("{\"access_token\":\"a\\\"b\",\"n\":1}", "{\"access_token\":\"***\",\"n\":1}"),
        Arguments.of("body={\\\"apiKey\\\":\\\"abc\\\"}", "body={\\\"apiKey\\\":\\\"***\\\"}"),
        Arguments.of("\"refresh_token\" : \"abc\"", "\"refresh_token\" : \"***\""),
        Arguments.of(
            "{\"token\":\"abc\",\"Authorization\":\"Bearer x\"}",
            "{\"token\":\"***\",\"Authorization\":\"***\"}"),
        Arguments.of(
            "Authorization:\r\nBearer abcdef123\r\nAccept: */*",
            "Authorization:  Bearer ***  Accept: */*"),
        Arguments.of(
            "keys sk-ant-api03-abcdefghij and AIzaSyA1234567890abcdefghijklmnopqrstu",
            "keys sk-ant-*** and AIza***"));
  }

  @ParameterizedTest
  @MethodSource("patterns")
  void redactsPatterns(String input, String expected) {
    assertThat(REDACTOR.redact(input, List.of())).isEqualTo(expected);
  }

  static Stream<String> benign() {
    return Stream.of(
        "upstream HTTP 500: internal error",
        "model gpt-4o-mini answered in 512 ms",
        "claude-3-5-sonnet-20241022",
        "gemini-1.5-pro-002 and o3-mini-2025-01-31",
        "skeleton",
        "task-list",
        "risk-assessment-framework-v2 and ask-questions-about-this-channel",
        "basic configuration is missing",
        "Bearer authentication failed",
        "see https://api.openai.com/v1/chat/completions?stream=true",
        "max_tokens=16, temperature=0",
        "{\"max_tokens\": 16, \"model\": \"gpt-4o-mini\"}",
        "retry after 30 s\tthen give up",
        "provider xai-grok",
        "mail ops@example.com",
        "https://example.com/path/to/resource#top",
        "token budget exhausted",
        "eyJ alone, AIza short, sk- dangling",
        "cost $5 \\ path $1 \\1",
        "a * b ** c *** d",
        "");
  }

  @ParameterizedTest
  @MethodSource("benign")
  void leavesBenignTextAlone(String text) {
    assertThat(REDACTOR.redact(text, List.of())).isEqualTo(text);
  }

  static Stream<String> allInputs() {
    return Stream.concat(
        Stream.concat(patterns().map(arguments -> (String) arguments.get()[0]), benign()),
        Stream.of(
            "Bearer\nabcdef123XYZ",
            "Authorization\r\n: Basic\r\n dXNlcjpwYXNz\r\nnext line",
            "x-api-key:\n\"quoted\"",
            "{\"api_key\":\"multi\nline\"}",
            "Bearer\u0001abcdef123XYZ",
            "?key=a\u0002b c",
            "//user\u0003:pw@host"));
  }

  @ParameterizedTest
  @MethodSource("allInputs")
  void isIdempotent(String text) {
    String once = REDACTOR.redact(text, List.of("zz9custom", "hunter2"));

    assertThat(REDACTOR.redact(once, List.of("zz9custom", "hunter2"))).isEqualTo(once);
    assertThat(once).doesNotContain("\r", "\n");
  }

  @Test
  void neutralisesLineBreaksAndControlCharacters() {
    assertThat(REDACTOR.redact("probe failed\r\nINFO forged entry", List.of()))
        .isEqualTo("probe failed  INFO forged entry");
    assertThat(REDACTOR.redact("a\u0000b\u001bc\u007fd\u2028e\u0085f\u000bg\tend", List.of()))
        .isEqualTo("a b c d e f g\tend");
  }

  @Test
  void returnsEmptyTextForNull() {
    assertThat(REDACTOR.redact(null, List.of("x"))).isEmpty();
    assertThat(REDACTOR.redact(null, ApiKey.of("x"))).isEmpty();
  }

  @Test
  void returnsEmptyTextForEmptyText() {
    assertThat(REDACTOR.redact("", ApiKey.of("sk-proj-4fJ2kQ9xLmN7pR3sT8vW"))).isEmpty();
    assertThat(REDACTOR.redact("", List.of("secret-value"))).isEmpty();
  }

  @Test
  void replacesShortKnownSecretsExactly() {
    assertThat(REDACTOR.redact("key ab12 then ab12ab12", ApiKey.of("ab12")))
        .isEqualTo("key *** then ***");
  }

  @Test
  void ignoresNullAndEmptySecrets() {
    List<String> secrets = new ArrayList<>(Arrays.asList(null, "", " ", "\t", "*", "***"));

    assertThat(REDACTOR.redact("a * b *** c\td", secrets)).isEqualTo("a * b *** c\td");
    assertThat(REDACTOR.redact("plain", (List<String>) null)).isEqualTo("plain");
    assertThat(REDACTOR.redact("plain", ApiKey.EMPTY, null)).isEqualTo("plain");
    assertThat(REDACTOR.redact("plain", (ApiKey[]) null)).isEqualTo("plain");
  }

  @Test
  void coversTheLongestKnownSecretAndOverlaps() {
    List<String> secrets = List.of("abcdefgh", "abcdefgh-longer-suffix", "fgh-lon");

    assertThat(REDACTOR.redact("x abcdefgh-longer-suffix! abcdefgh.", secrets))
        .isEqualTo("x ***! ***.");
  }

  @Test
  void findsKnownSecretsThatThemselvesHoldALineBreak() {
    assertThat(REDACTOR.redact("x abc\ndefghijk y", List.of("abc\r\ndefghijk")))
        .isEqualTo("x *** y");
  }

  @Test
  void treatsKnownSecretsLiterally() {
    String secret = "a.b*c(d)$1\\";

    assertThat(REDACTOR.redact("got a.b*c(d)$1\\ and aXbbc(d)$1\\", List.of(secret)))
        .isEqualTo("got *** and aXbbc(d)$1\\");
  }

  @Test
  void redactsUrlEncodedFormsOfKnownSecrets() {
    String secret = "Zq7!p@ss/w0rd+key=xyz~ %";
    String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    String lower =
        Pattern.compile("%[0-9A-F]{2}")
            .matcher(encoded)
            .replaceAll(escape -> escape.group().toLowerCase(Locale.ROOT));
    assertThat(lower).isNotEqualTo(encoded);

    assertThat(REDACTOR.redact("u=" + encoded + " l=" + lower, List.of(secret)))
        .isEqualTo("u=*** l=***");
    assertThat(REDACTOR.redact("p=" + encoded.replace("+", "%20"), List.of(secret)))
        .isEqualTo("p=***");
  }

  @Test
  void redactsBase64FormsOfKnownSecretsInBothAlphabets() {
    String secret = "??>>??>>-key";
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String standard = Base64.getEncoder().encodeToString(bytes);
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThat(standard).containsAnyOf("+", "/");

    assertThat(REDACTOR.redact("s=" + standard + " u=" + urlSafe, List.of(secret)))
        .isEqualTo("s=*** u=***");
  }

  @Test
  void redactsKnownSecretsInsideLongerBase64AtEveryAlignment() {
    String secret = "zz9-custom-key-abcdefgh12345678";
    for (String prefix : List.of("", "u", "us", "user:", "user:pw:")) {
      byte[] bytes = (prefix + secret + "!tail").getBytes(StandardCharsets.UTF_8);
      String blob = Base64.getEncoder().encodeToString(bytes);

      String out = REDACTOR.redact("blob " + blob, List.of(secret));

      assertThat(out).contains("***");
      assertThat(out.length()).isLessThan(("blob " + blob).length() - 30);
    }
  }

  @Test
  void doesNotSearchEncodedFormsOfShortSecrets() {
    String base64 = Base64.getEncoder().encodeToString("ab12".getBytes(StandardCharsets.UTF_8));

    assertThat(REDACTOR.redact("v=" + base64, ApiKey.of("ab12"))).isEqualTo("v=" + base64);
  }

  @Test
  void isAStatelessSingleton() {
    assertThat(SecretRedactor.standard()).isSameAs(REDACTOR);
    assertThat(REDACTOR).hasToString("SecretRedactor[standard]");
  }
}
