package io.channelmonitor.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * IPv6 forms that carry an IPv4 address, and the IPv4 addresses they carry. Mapped, translated and
 * compatible forms are aliases: the packet ends up at the IPv4 address, so they are classified as
 * that address. NAT64, 6to4 and Teredo reach the IPv4 address through a gateway or relay and are
 * refused whatever they carry; {@link #extract} still reports what that is, for diagnostics.
 */
final class EmbeddedIpv4 {
  /** The embedding forms; {@link #NONE} for an ordinary IPv6 address. */
  enum Form {
    NONE,
    /** {@code ::ffff:0:0/96}. */
    MAPPED,
    /** {@code ::ffff:0:0:0/96} (SIIT). */
    TRANSLATED,
    /** {@code ::/96}, except {@code ::} and {@code ::1}. */
    COMPATIBLE,
    /** {@code 64:ff9b::/96}. */
    NAT64,
    /** {@code 64:ff9b:1::/48} (RFC 8215, RFC 6052 /48 layout). */
    NAT64_LOCAL,
    /** {@code 2002::/16}. */
    SIX_TO_FOUR,
    /** {@code 2001::/32}: server address and obfuscated client address. */
    TEREDO;

    /** Whether the form is just another spelling of the IPv4 address. */
    boolean isAlias() {
      return this == MAPPED || this == TRANSLATED || this == COMPATIBLE;
    }
  }

  private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b};
  private static final byte[] NAT64_LOCAL_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};

  private EmbeddedIpv4() {}

  /** The form of sixteen address bytes. */
  static Form form(byte[] v6) {
    if (zero(v6, 0, 10)) {
      if (ff(v6, 10)) {
        return Form.MAPPED;
      }
      if (zero(v6, 10, 12)) {
        return zero(v6, 12, 15) && (v6[15] & 0xfe) == 0 ? Form.NONE : Form.COMPATIBLE;
      }
      return Form.NONE;
    }
    if (zero(v6, 0, 8) && ff(v6, 8) && zero(v6, 10, 12)) {
      return Form.TRANSLATED;
    }
    if (startsWith(v6, NAT64_PREFIX) && zero(v6, 4, 12)) {
      return Form.NAT64;
    }
    if (startsWith(v6, NAT64_LOCAL_PREFIX)) {
      return Form.NAT64_LOCAL;
    }
    if (v6[0] == 0x20 && v6[1] == 0x02) {
      return Form.SIX_TO_FOUR;
    }
    if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0 && v6[3] == 0) {
      return Form.TEREDO;
    }
    return Form.NONE;
  }

  /** The IPv4 addresses carried by sixteen address bytes; empty for {@link Form#NONE}. */
  static List<Inet4Address> extract(byte[] v6) {
    return switch (form(v6)) {
      case MAPPED, TRANSLATED, COMPATIBLE, NAT64 -> List.of(v4(v6[12], v6[13], v6[14], v6[15]));
      // RFC 6052 /48: bits 64-71 are the reserved "u" octet, so the address straddles it.
      case NAT64_LOCAL -> List.of(v4(v6[6], v6[7], v6[9], v6[10]));
      case SIX_TO_FOUR -> List.of(v4(v6[2], v6[3], v6[4], v6[5]));
      case TEREDO ->
          List.of(
              v4(v6[4], v6[5], v6[6], v6[7]),
              v4((byte) ~v6[12], (byte) ~v6[13], (byte) ~v6[14], (byte) ~v6[15]));
      case NONE -> List.of();
    };
  }

  /**
   * The IPv4 address that {@code address} spells when it is a mapped, translated or compatible IPv6
   * address, otherwise {@code address} itself. Java usually turns a mapped address into an {@link
   * Inet4Address} by itself, but {@code Inet6Address.getByAddress} keeps it as IPv6.
   */
  static InetAddress unalias(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] v6 = address.getAddress();
    return form(v6).isAlias() ? extract(v6).get(0) : address;
  }

  private static Inet4Address v4(byte a, byte b, byte c, byte d) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  private static boolean zero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean ff(byte[] bytes, int at) {
    return bytes[at] == (byte) 0xff && bytes[at + 1] == (byte) 0xff;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
