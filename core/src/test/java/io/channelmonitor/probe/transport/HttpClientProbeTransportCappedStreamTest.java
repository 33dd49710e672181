package io.channelmonitor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The byte cap and the read deadline of {@link CappedInputStream}, without a network. */
class HttpClientProbeTransportCappedStreamTest {
  private static final long FAR = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);

  private static InputStream bytes(int n) {
    return new ByteArrayInputStream(new byte[n]);
  }

  @Test
  void shortBodyIsReadWhole() throws IOException {
    CappedInputStream in = new CappedInputStream(bytes(10), 16, FAR);
    assertThat(in.readAllBytes()).hasSize(10);
    assertThat(in.truncated()).isFalse();
    assertThat(in.reachedEnd()).isTrue();
  }

  @Test
  void bodyOfExactlyTheCapIsNotTruncated() throws IOException {
    CappedInputStream in = new CappedInputStream(bytes(16), 16, FAR);
    assertThat(in.readAllBytes()).hasSize(16);
    assertThat(in.truncated()).isFalse();
    assertThat(in.reachedEnd()).isTrue();
  }

  @Test
  void longerBodyEndsAtTheCap() throws IOException {
    CappedInputStream in = new CappedInputStream(bytes(100), 16, FAR);
    assertThat(in.readAllBytes()).hasSize(16);
    assertThat(in.truncated()).isTrue();
    assertThat(in.reachedEnd()).isFalse();
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.available()).isZero();
    assertThat(in.count()).isEqualTo(16);
  }

  @Test
  void singleByteReadsAndSkipsCountAgainstTheCap() throws IOException {
    CappedInputStream in = new CappedInputStream(bytes(100), 16, FAR);
    assertThat(in.read()).isZero();
    assertThat(in.skip(1000)).isEqualTo(15);
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.truncated()).isTrue();
  }

  @Test
  void readsFailOnceTheDeadlinePassed() {
    CappedInputStream in = new CappedInputStream(bytes(100), 16, System.nanoTime() - 1);
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("deadline");
    assertThatThrownBy(in::available).isInstanceOf(IOException.class);
  }

  @Test
  void closedStreamRefusesReads() {
    CappedInputStream in = new CappedInputStream(bytes(100), 16, FAR);
    in.close();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class);
  }

  @Test
  void zeroLengthReadAndBadArguments() throws IOException {
    CappedInputStream in = new CappedInputStream(bytes(4), 16, FAR);
    assertThat(in.read(new byte[4], 0, 0)).isZero();
    assertThatThrownBy(() -> in.read(new byte[4], 3, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new CappedInputStream(bytes(1), -1, FAR))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
