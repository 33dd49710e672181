package io.channelmonitor.secret;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern redaction, the safety net for secrets the library was not told about. It favours recall
 * over precision (security.md 5.1) but leaves ordinary words alone: the {@code sk-} and {@code
 * xai-} rules need a word start, and {@code bearer}/{@code basic} need a value that looks like a
 * credential.
 *
 * <p>Every replacement leaves the marker where the value was, and every rule accepts the marker as
 * an already redacted value, so running the rules again changes nothing. Whitespace around
 * separators may include line breaks because the redactor turns line breaks into spaces after the
 * rules have run; a second run must see the same matches.
 */
final class RedactionRules {
  private static final String MARKER = KnownSecrets.MARKER;

  /** Names that announce a credential when they end a header, property or JSON key. */
  private static final String CREDENTIAL_NAME =
      "[A-Za-z0-9_.-]*?(?:api[_-]?key|access[_-]?token|refresh[_-]?token|auth[_-]?token"
          + "|client[_-]?secret|secret[_-]?key|password|authorization|cookie)";

  /**
   * A quoted field named like a credential and its quoted value. The quotes may be escaped once, as
   * when a JSON body is embedded in another JSON string or an exception message.
   */
  private static final String JSON_FIELD =
      "(?is)(\\\\?[\"']"
          + CREDENTIAL_NAME.replace(")", "|token|secret)")
          + "\\\\?[\"']\\s*[:=]\\s*)(\\\\?[\"'])(?:(?!\\2)(?:\\\\.|[^\\\\]))*+\\2";

  private static final String NOT_IN_WORD = "(?<![A-Za-z0-9])";

  private static final List<Rule> RULES =
      List.of(
          Rule.prefixed(NOT_IN_WORD + "(sk-ant-)[A-Za-z0-9_-]{10,}"),
          Rule.prefixed(NOT_IN_WORD + "(sk-(?:proj|svcacct|admin)-)[A-Za-z0-9_-]{10,}"),
          Rule.prefixed(NOT_IN_WORD + "(sk-)[A-Za-z0-9_-]{16,}"),
          Rule.prefixed(NOT_IN_WORD + "(xai-)[A-Za-z0-9_-]{6,}"),
          Rule.prefixed("(AIza)[0-9A-Za-z_-]{30,}"),
          Rule.prefixed("(eyJ)[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
          new Rule(
              Pattern.compile("\\b((?i:bearer|basic)\\s+)([A-Za-z0-9._~+/=-]{8,})"),
              RedactionRules::authorizationScheme),
          Rule.prefixed(
              "(?i)(?<![A-Za-z0-9_.?&-])("
                  + CREDENTIAL_NAME
                  + "\\s*[:=]\\s*[\"']?(?:(?:bearer|basic)\\s+)?)(?:\\*\\*\\*|[^\\r\\n\"',}\\]]+)"),
          Rule.prefixed(
              "(?i)([?&](?:key|api[_-]?key|access[_-]?token|refresh[_-]?token|token|sig|signature"
                  + "|x-api-key|client[_-]?secret|password)=)[^&#\\s\"']+"),
          new Rule(
              Pattern.compile(JSON_FIELD),
              match -> match.group(1) + match.group(2) + MARKER + match.group(2)),
          new Rule(Pattern.compile("//[^/?#\\s\"'<>]+@"), match -> "//" + MARKER + "@"));

  private RedactionRules() {}

  static String apply(String text) {
    String result = text;
    for (Rule rule : RULES) {
      result = rule.apply(result);
    }
    return result;
  }

  /**
   * Keeps {@code Bearer}/{@code Basic} and redacts the value when it has a digit, a symbol or an
   * upper-case letter after its first character, which every real token has and prose ("basic
   * configuration", "Bearer Authentication") does not.
   */
  private static String authorizationScheme(MatchResult match) {
    String value = match.group(2);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean symbol = c != '-' && !Character.isLetter(c);
      if (symbol || (i > 0 && Character.isUpperCase(c))) {
        return match.group(1) + MARKER;
      }
    }
    return match.group();
  }

  /** A compiled pattern and what a match becomes. */
  private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    /** Keeps group 1 (a public prefix or a field name) and redacts the rest of the match. */
    static Rule prefixed(String regex) {
      return new Rule(Pattern.compile(regex), match -> match.group(1) + MARKER);
    }

    String apply(String text) {
      Matcher matcher = pattern.matcher(text);
      return matcher.replaceAll(match -> Matcher.quoteReplacement(replacement.apply(match)));
    }
  }
}
