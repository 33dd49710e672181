package io.channelmonitor.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoChannelsTest {
  @Test
  void theCatalogueCoversTheThreeProvidersWithDistinctNamesAndModels() {
    List<DemoChannel> channels = DemoChannels.catalogue();

    assertThat(channels).hasSize(DemoChannels.DISTINCT);
    assertThat(channels)
        .extracting(DemoChannel::provider)
        .contains("openai", "anthropic", "gemini");
    assertThat(channels).extracting(DemoChannel::name).doesNotHaveDuplicates();
    assertThat(channels).extracting(DemoChannel::model).doesNotHaveDuplicates();
  }

  @Test
  void moreChannelsThanKindsRepeatTheKindsUnderNumberedNames() {
    List<DemoChannel> channels = DemoChannels.first(12);

    assertThat(channels).extracting(DemoChannel::name).doesNotHaveDuplicates();
    assertThat(channels.get(5).name()).isEqualTo("OpenAI (healthy) #2");
    assertThat(channels.get(10).name()).isEqualTo("OpenAI (healthy) #3");
    assertThat(channels.get(11).model()).isEqualTo(channels.get(1).model());
    assertThat(DemoChannels.first(2)).containsExactlyElementsOf(channels.subList(0, 2));
    assertThatThrownBy(() -> DemoChannels.first(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fakeKeysDifferPerChannelAndLookFake() {
    List<DemoChannel> channels = DemoChannels.first(10);

    assertThat(channels).extracting(DemoChannel::fakeApiKey).doesNotHaveDuplicates();
    assertThat(channels).allSatisfy(c -> assertThat(c.fakeApiKey()).contains("not-a-real-key"));
  }
}
