package io.channelmonitor.ssrf;

/**
 * The only IPv4 text form this package accepts: four decimal octets, each 0-255, without leading
 * zeros. Shorter, octal, hexadecimal and single-number forms are rejected because resolvers and
 * browsers disagree on what they mean.
 */
final class Ipv4Literal {
  private Ipv4Literal() {}

  /** The four address bytes, or {@code null} when {@code text} is not a canonical dotted quad. */
  static byte[] parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = octet(parts[i]);
      if (octet < 0) {
        return null;
      }
      bytes[i] = (byte) octet;
    }
    return bytes;
  }

  /** The canonical text of four address bytes. */
  static String format(byte[] bytes) {
    return (bytes[0] & 0xff)
        + "."
        + (bytes[1] & 0xff)
        + "."
        + (bytes[2] & 0xff)
        + "."
        + (bytes[3] & 0xff);
  }

  private static int octet(String part) {
    int length = part.length();
    if (length == 0 || length > 3 || (length > 1 && part.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < length; i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }
}
