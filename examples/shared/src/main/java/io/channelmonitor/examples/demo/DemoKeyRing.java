package io.channelmonitor.examples.demo;

import io.channelmonitor.secret.KeyRing;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The demos' key ring: one AES-256 key, generated on the first run and kept in a file next to the
 * database, so a restart can decrypt the API keys stored before.
 *
 * <p><b>Demo only.</b> A key kept beside the data it protects protects nothing against anyone who
 * can read the folder. A real host takes its key from a secret store or the environment ({@code
 * KeyRing.fromBase64("k1", Map.of("k1", System.getenv("CHANNEL_MONITOR_KEY")))}, or the starter's
 * {@code channel-monitor.key-ring.keys.k1}) and never writes it next to the database.
 */
public final class DemoKeyRing {
  /** The id of the demo key, written into every value it encrypts. */
  public static final String KEY_ID = "demo-1";

  private static final String PROPERTY = "key." + KEY_ID;
  private static final int KEY_BYTES = 32;

  private DemoKeyRing() {}

  /**
   * The key ring kept in {@code file}: read when the file exists, else generated and written there
   * (readable by the owner only, where the file system knows POSIX permissions).
   *
   * @throws IllegalStateException when the file exists but holds no usable key; the message names
   *     the file, never its content
   */
  public static KeyRing loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the demo key ring " + file, e);
    }
  }

  private static KeyRing read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    String key = properties.getProperty(PROPERTY);
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "no " + PROPERTY + " in " + file + "; delete it to start over");
    }
    return KeyRing.fromBase64(KEY_ID, Map.of(KEY_ID, key));
  }

  private static void create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    String text =
        "# channel-monitor demo key ring: DEMO ONLY, generated on the first run.\n"
            + "# It encrypts the API keys stored in the database next to it. A real host keeps its\n"
            + "# key in a secret store, never beside the data. Delete this file and the database\n"
            + "# together to start over.\n"
            + PROPERTY
            + "="
            + Base64.getEncoder().encodeToString(key)
            + "\n";
    try {
      createOwnerOnly(file);
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first: use that one
    }
    try (Writer out =
        Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
      out.write(text);
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }
}
