package io.github.geollava.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationOptionsTest {

  @Test
  void defaultsAreGreedyWithCache() {
    GenerationOptions o = GenerationOptions.GREEDY;
    assertThat(o.doSample()).isFalse();
    assertThat(o.useCache()).isTrue();
    assertThat(o.maxNewTokens()).isEqualTo(64);
    assertThat(o.sampler()).isSameAs(Sampler.GREEDY);
  }

  @Test
  void toBuilderCopiesEveryField() {
    GenerationOptions o =
        GenerationOptions.builder()
            .optMaxNewTokens(9)
            .optMinNewTokens(2)
            .optDoSample(true)
            .optTemperature(0.7f)
            .optTopK(5)
            .optTopP(0.9f)
            .optRepetitionPenalty(1.2f)
            .optEosTokenIds(List.of(2L))
            .optStopStrings(List.of("###"))
            .optPadTokenId(3)
            .optSeed(11)
            .optUseCache(false)
            .optReturnStepLogits(true)
            .build();
    assertThat(o.toBuilder().build()).isEqualTo(o);
    assertThat(o.sampler()).isSameAs(Sampler.MULTINOMIAL);
  }

  @Test
  void warpersOnlyActWhenSampling() {
    float[] greedy = {4f, 2f, 1f};
    GenerationOptions.builder().optTemperature(2f).optTopK(1).build().processors()
        .process(new long[0], 0, greedy);
    assertThat(greedy).containsExactly(4f, 2f, 1f);
    float[] sampled = {4f, 2f, 1f};
    GenerationOptions.builder().optDoSample(true).optTemperature(2f).optTopK(1).build().processors()
        .process(new long[0], 0, sampled);
    assertThat(sampled).containsExactly(2f, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
  }

  @Test
  void validationNamesTheField() {
    assertThatThrownBy(() -> GenerationOptions.builder().optMaxNewTokens(0).build())
        .hasMessageContaining("maxNewTokens");
    assertThatThrownBy(() -> GenerationOptions.builder().optMinNewTokens(100).build())
        .hasMessageContaining("minNewTokens");
    assertThatThrownBy(() -> GenerationOptions.builder().optTopP(1.5f).build())
        .hasMessageContaining("topP");
    assertThatThrownBy(() -> GenerationOptions.builder().optStopStrings(List.of("")).build())
        .hasMessageContaining("stopStrings");
  }
}
