package io.channelmonitor.ssrf;

import java.net.InetAddress;
import java.util.Arrays;

/** An IPv4 or IPv6 network: a base address and a prefix length. Immutable. */
final class Cidr {
  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses {@code a.b.c.d/n} or {@code x:y::z/n}; a bare address means a single host. The address
   * must be canonical (see {@link Ipv4Literal}) and must have no bits set after the prefix, so a
   * typo such as {@code 10.1.0.0/8} is reported instead of silently widened.
   *
   * @throws IllegalArgumentException naming {@code text} when it is not such a network
   */
  static Cidr parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("CIDR must not be null");
    }
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes =
        address.indexOf(':') >= 0 ? Ipv6Literal.parse(address) : Ipv4Literal.parse(address);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 CIDR: " + text);
    }
    int bits = bytes.length * 8;
    int prefix = slash < 0 ? bits : prefixLength(text.substring(slash + 1), bits);
    if (prefix < 0) {
      throw new IllegalArgumentException("bad prefix length in CIDR: " + text);
    }
    if (!hostBitsClear(bytes, prefix)) {
      throw new IllegalArgumentException("CIDR has bits set after its prefix: " + text);
    }
    return new Cidr(bytes, prefix);
  }

  /** Whether {@code address} is of the same family and inside this network. */
  /** Whether every address of this range is also in {@code other}. */
  boolean within(Cidr other) {
    return network.length == other.network.length
        && prefix >= other.prefix
        && other.contains(network);
  }

  boolean contains(InetAddress address) {
    return address != null && contains(address.getAddress());
  }

  /** Whether the raw address bytes are of the same family and inside this network. */
  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr
        && prefix == cidr.prefix
        && Arrays.equals(network, cidr.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  /** Canonical text, for example {@code 10.0.0.0/8} or {@code fc00::/7}. */
  @Override
  public String toString() {
    String address =
        network.length == 4 ? Ipv4Literal.format(network) : Ipv6Literal.format(network);
    return address + "/" + prefix;
  }

  private static int prefixLength(String digits, int bits) {
    if (digits.isEmpty()
        || digits.length() > 3
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= bits ? value : -1;
  }

  private static boolean hostBitsClear(byte[] bytes, int prefix) {
    for (int bit = prefix; bit < bytes.length * 8; bit++) {
      if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }
}
