package io.channelmonitor.ssrf;

import static io.channelmonitor.Reason.CHANNEL_MONITOR_ENDPOINT_PATH;
import static io.channelmonitor.Reason.CHANNEL_MONITOR_ENDPOINT_SCHEME;
import static io.channelmonitor.Reason.CHANNEL_MONITOR_INVALID_ENDPOINT;
import static io.channelmonitor.ssrf.Net.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The structural rules of security.md 3.4 as adapted by DESIGN.md 3a, each with its reason. */
class EndpointStructureTest {
  private final Net.Counting resolver = new Net.Counting(Net.answering("8.8.8.8"));
  private final SsrfGuard guard = new SsrfGuard(SsrfPolicy.strict(), resolver);

  static Stream<Arguments> refused() {
    return Stream.of(
        // blank, not printable ASCII, backslash
        refused("", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("   \t ", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com/v1 x", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com/\tv1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com/v1\u0000", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("\u0000https://api.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com/\u007f", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://b\u00fccher.example", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com/caf\u00e9", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://\uff41pi.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com\\@evil.example", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https:\\\\api.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // unparsable, no scheme, opaque, no authority, null host
        refused("https://exa<mple.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com/%zz", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[v1.x]/", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https:///v1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https:api.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("api.example.com/v1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("//api.example.com/v1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://a_b.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://a..b.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://-a.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://" + "a".repeat(64) + ".example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // userinfo
        refused("https://user@api.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://user:secret@api.example.com/v1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://@api.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com@evil.example", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // port
        refused("https://api.example.com:", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:/v1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:0", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:0443", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:65536", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:99999", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:99999999999", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:-1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:+443", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com:443:443", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[2606:4700:4700::1111]:", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // trailing dot
        refused("https://api.example.com.", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.com./v1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://8.8.8.8./v1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // percent in host, zone ids
        refused("https://api%2eexample.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://%61pi.example.com", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[fe80::1%25eth0]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[fe80::1%eth0]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[2606:4700:4700::1111%251]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // ambiguous numeric hosts (WHATWG "ends in a number")
        refused("https://127.1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://127.0.1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://2130706433", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://0177.0.0.1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://0x7f.0.0.1", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://0x7f000001", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://1.2.3.4.5", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://01.2.3.4", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://8.8.8.08", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://1.2.3.256", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://1.2.3.0x4", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.123", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.0x", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://api.example.0xff", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // bracketed IPv6 that embeds IPv4, or is not IPv6
        refused("https://[::ffff:127.0.0.1]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[::ffff:7f00:1]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[::ffff:8.8.8.8]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[::ffff:0:7f00:1]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[::7f00:1]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[::127.0.0.1]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[64:ff9b::808:808]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[64:ff9b:1:808:8:800::]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[2002:808:808::1]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[::1::2]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        refused("https://[1:2:3:4:5:6:7:8:9]", CHANNEL_MONITOR_INVALID_ENDPOINT),
        // scheme
        refused("http://api.example.com", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("HTTP://api.example.com", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("ftp://api.example.com", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("file:///etc/passwd", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("gopher://api.example.com:70/_x", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("wss://api.example.com", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("javascript:alert(1)", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("mailto:ops@example.com", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        refused("httpss://api.example.com", CHANNEL_MONITOR_ENDPOINT_SCHEME),
        // query and fragment, even bare
        refused("https://api.example.com?", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/?", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1?api-version=2024-10-21", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1?key=secret", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com#", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/#", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1#top", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com#@evil.example", CHANNEL_MONITOR_ENDPOINT_PATH),
        // dot-segments, raw and encoded
        refused("https://api.example.com/.", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/..", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/./v1", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1/../admin", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1/..", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1/../", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/%2e", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/%2e%2e/admin", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1/%2E%2E", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/.%2e/x", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/%2e./x", CHANNEL_MONITOR_ENDPOINT_PATH),
        // encoded slashes and backslashes, encoded control characters
        refused("https://api.example.com/v1%2fadmin", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1%2Fadmin", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1%5cadmin", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1%5C..%5Cadmin", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1%00", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1%0d%0aHost:evil", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1%7f", CHANNEL_MONITOR_ENDPOINT_PATH),
        // empty segments
        refused("https://api.example.com//v1", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com/v1//chat", CHANNEL_MONITOR_ENDPOINT_PATH),
        refused("https://api.example.com//evil.example/v1", CHANNEL_MONITOR_ENDPOINT_PATH));
  }

  private static Arguments refused(String raw, Reason reason) {
    return Arguments.of(raw, reason);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("refused")
  void refusesWithReasonAndWithoutResolving(String raw, Reason reason) {
    assertRefused(guard, raw, reason);
    assertThat(resolver.calls).hasValue(0);
  }

  @Test
  void refusesNull() {
    assertRefused(guard, null, CHANNEL_MONITOR_INVALID_ENDPOINT);
  }

  @Test
  void plainHttpOnlyWhenThePolicyAllowsIt() {
    SsrfGuard insecure =
        new SsrfGuard(SsrfPolicy.builder().allowInsecureHttp(true).build(), resolver);
    assertThat(insecure.checkEndpoint("HTTP://api.example.com:8080/v1/").url())
        .isEqualTo("http://api.example.com:8080/v1");
    assertRefused(insecure, "ftp://api.example.com", CHANNEL_MONITOR_ENDPOINT_SCHEME);
  }
}
