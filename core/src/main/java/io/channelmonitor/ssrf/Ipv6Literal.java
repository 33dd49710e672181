package io.channelmonitor.ssrf;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict IPv6 text parser and an RFC 5952 formatter. Accepts hexadecimal groups of one to four
 * digits, at most one {@code ::}, and a canonical dotted quad as the last 32 bits. No zone id, no
 * brackets: callers strip those first.
 */
final class Ipv6Literal {
  private static final int GROUPS = 8;
  private static final int MAX_TEXT = 45;

  private Ipv6Literal() {}

  /** The sixteen address bytes, or {@code null} when {@code text} is not an IPv6 address. */
  static byte[] parse(String text) {
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      return null;
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<Integer> head;
    List<Integer> tail;
    if (gap < 0) {
      head = groups(text, true);
      tail = List.of();
    } else {
      head = groups(text.substring(0, gap), false);
      tail = groups(text.substring(gap + 2), true);
    }
    if (head == null || tail == null) {
      return null;
    }
    int given = head.size() + tail.size();
    boolean fits = gap < 0 ? given == GROUPS : given < GROUPS;
    return fits ? assemble(head, tail) : null;
  }

  /** RFC 5952 text: lower-case, no leading zeros, the longest run of zero groups as {@code ::}. */
  static String format(byte[] bytes) {
    int[] groups = new int[GROUPS];
    for (int i = 0; i < GROUPS; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int[] run = longestZeroRun(groups);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < GROUPS; i++) {
      if (i == run[0]) {
        out.append("::");
        i += run[1] - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  /** Start and length of the first longest run of at least two zero groups; start -1 if none. */
  private static int[] longestZeroRun(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    int i = 0;
    while (i < GROUPS) {
      int j = i;
      while (j < GROUPS && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    return new int[] {bestStart, bestLength};
  }

  /**
   * The 16-bit groups of one side of the {@code ::}; a dotted quad is allowed as the last item when
   * {@code mayEndInIpv4}. Returns {@code null} on any syntax error.
   */
  private static List<Integer> groups(String side, boolean mayEndInIpv4) {
    List<Integer> out = new ArrayList<>();
    if (side.isEmpty()) {
      return out;
    }
    String[] parts = side.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (mayEndInIpv4 && i == parts.length - 1 && part.indexOf('.') >= 0) {
        byte[] v4 = Ipv4Literal.parse(part);
        if (v4 == null) {
          return null;
        }
        out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
        out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
      } else {
        int group = hexGroup(part);
        if (group < 0) {
          return null;
        }
        out.add(group);
      }
    }
    return out;
  }

  private static int hexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      int digit = hexDigit(part.charAt(i));
      if (digit < 0) {
        return -1;
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static byte[] assemble(List<Integer> head, List<Integer> tail) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < head.size(); i++) {
      put(bytes, i, head.get(i));
    }
    int offset = GROUPS - tail.size();
    for (int i = 0; i < tail.size(); i++) {
      put(bytes, offset + i, tail.get(i));
    }
    return bytes;
  }

  private static void put(byte[] bytes, int group, int value) {
    bytes[2 * group] = (byte) (value >>> 8);
    bytes[2 * group + 1] = (byte) value;
  }
}
