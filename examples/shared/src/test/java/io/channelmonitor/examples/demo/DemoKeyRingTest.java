package io.channelmonitor.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.secret.AesGcmSecretCodec;
import io.channelmonitor.secret.KeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoKeyRingTest {
  @TempDir Path dir;

  @Test
  void theFirstRunWritesAKeyThatALaterRunReadsBack() throws Exception {
    Path file = dir.resolve("sub/keyring.properties");

    KeyRing first = DemoKeyRing.loadOrCreate(file);
    String stored = new AesGcmSecretCodec(first).encrypt("sk-secret-value");
    KeyRing second = DemoKeyRing.loadOrCreate(file);

    assertThat(new AesGcmSecretCodec(second).decrypt(stored)).isEqualTo("sk-secret-value");
    assertThat(second.primaryKeyId()).isEqualTo(DemoKeyRing.KEY_ID);
    assertThat(Files.readString(file)).contains("DEMO ONLY").contains("key.demo-1=");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void twoFoldersGetTwoKeys() {
    KeyRing one = DemoKeyRing.loadOrCreate(dir.resolve("a/keyring.properties"));
    KeyRing two = DemoKeyRing.loadOrCreate(dir.resolve("b/keyring.properties"));

    String stored = new AesGcmSecretCodec(one).encrypt("sk-secret-value");

    assertThatThrownBy(() -> new AesGcmSecretCodec(two).decrypt(stored))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void aFileWithoutAKeyIsNamedNotQuoted() throws Exception {
    Path file = dir.resolve("keyring.properties");
    Files.writeString(file, "something=else\n");

    assertThatThrownBy(() -> DemoKeyRing.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("else");
  }
}
