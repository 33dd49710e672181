package io.channelmonitor.benchmarks.jmh;

import io.channelmonitor.secret.AesGcmSecretCodec;
import io.channelmonitor.secret.KeyRing;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default secret codec (AES-256-GCM): decrypting a stored API key, which every scheduled run
 * does when it reads its monitor, and encrypting one, which create and key changes do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SecretCodecBenchmark {
  private static final String KEY = "sk-proj-4fJ2kQ9xLmN7pR3sT8vW1yZ5aB6cD0eF";

  private final AesGcmSecretCodec codec = new AesGcmSecretCodec(KeyRing.ephemeral());
  private String stored;

  @Setup
  public void setUp() {
    stored = codec.encrypt(KEY);
    if (!codec.decrypt(stored).equals(KEY)) {
      throw new IllegalStateException("round trip failed");
    }
  }

  @Benchmark
  public String decryptApiKey() {
    return codec.decrypt(stored);
  }

  @Benchmark
  public String encryptApiKey() {
    return codec.encrypt(KEY);
  }
}
