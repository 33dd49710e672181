package io.channelmonitor.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoOptionsTest {
  @Test
  void noFlagsMeanOneMinuteFiveChannelsAndTheDefaultFolder() {
    DemoOptions options = DemoOptions.parse();

    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.channels()).isEqualTo(5);
    assertThat(options.plain()).isFalse();
    assertThat(options.help()).isFalse();
    assertThat(options.dataDir()).isEqualTo(Path.of("demo-data", "plain-java"));
  }

  @Test
  void everyFlagIsRead() {
    DemoOptions options =
        DemoOptions.parse("--duration=90s", "--channels=12", "--plain", "--data-dir=/tmp/x", "-h");

    assertThat(options)
        .isEqualTo(new DemoOptions(Duration.ofSeconds(90), 12, true, Path.of("/tmp/x"), true));
  }

  @ParameterizedTest
  @CsvSource({"45,PT45S", "45s,PT45S", "2m,PT2M", "1h,PT1H", "1500ms,PT1.5S", "PT90S,PT1M30S"})
  void durationsTakeAUnitOrIsoForm(String text, String expected) {
    assertThat(DemoOptions.duration(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--duration=0s",
        "--duration=-5s",
        "--duration=soon",
        "--duration=",
        "--channels=0",
        "--channels=51",
        "--channels=many",
        "--plain=yes",
        "--colour"
      })
  void badFlagsAreRefusedByName(String flag) {
    String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;

    assertThatThrownBy(() -> DemoOptions.parse(flag))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }
}
