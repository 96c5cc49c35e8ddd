package io.github.geollava.dataset.pairs;

import static io.github.geollava.dataset.pairs.PairsFixture.ids;
import static io.github.geollava.dataset.pairs.PairsFixture.image;
import static io.github.geollava.dataset.pairs.PairsFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.dataset.fmow.FmowImage;
import io.github.geollava.dataset.fmow.FmowScanner;
import io.github.geollava.dataset.fmow.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalPairBuilderTest {

  /** The seed-7 sample of 10 from the 200 synthetic pairs; fixed by SeededHash's algorithm. */
  private static final String[] PINNED_SEED7_LIMIT10 = {
    "port_10_0-port_10_1", "port_19_1-port_19_2", "port_2_1-port_2_2", "port_23_3-port_23_4",
    "port_27_1-port_27_2", "port_28_1-port_28_2", "port_31_0-port_31_1", "port_35_3-port_35_4",
    "port_8_3-port_8_4", "port_9_1-port_9_2"
  };

  @Test
  void chainedOnTheFixtureGivesTheExactPaperPairs() throws IOException {
    List<TemporalPair> pairs = TemporalPairBuilder.builder().build().pair(scan("train"));
    assertThat(ids(pairs)).containsExactly(
        // 6->2 exactly 365 days kept; 2->0 one second short skipped; 2->3 365 days + 0.5 s kept
        "airport_hangar_23_6-airport_hangar_23_2",
        "airport_hangar_23_2-airport_hangar_23_3",
        // 1 and 2 share a timestamp: ordered by file name, the zero gap never pairs
        "crop_field_12_0-crop_field_12_1",
        "crop_field_12_1-crop_field_12_3",
        // leap day: 2015-03-01 -> 2016-02-29 -> 2017-02-28 are 365 days each
        "crop_field_7_2-crop_field_7_1",
        "crop_field_7_1-crop_field_7_0",
        "crop_field_7_0-crop_field_7_3",
        // the 1,000,001-byte image 1 is dropped before pairing
        "military_facility_4_0-military_facility_4_2");
    assertThat(pairs.get(0).videoName()).isEqualTo("airport_hangar_23_6-airport_hangar_23_2.mp4");
    assertThat(pairs).allSatisfy(p ->
        assertThat(Duration.between(p.first().timestamp(), p.second().timestamp()))
            .isGreaterThanOrEqualTo(Duration.ofDays(365)));
  }

  @Test
  void adjacentOnTheFixtureGivesTheExactPairs() throws IOException {
    List<TemporalPair> pairs =
        TemporalPairBuilder.builder().policy(PairPolicy.ADJACENT).build().pair(scan("train"));
    assertThat(ids(pairs)).containsExactly(
        "airport_hangar_23_6-airport_hangar_23_2",
        "crop_field_12_0-crop_field_12_1",
        "crop_field_12_2-crop_field_12_3",
        "crop_field_7_2-crop_field_7_1",
        "crop_field_7_1-crop_field_7_0",
        "crop_field_7_0-crop_field_7_3",
        "military_facility_4_0-military_facility_4_2");
  }

  @Test
  void valSplitShowsWherePoliciesDisagree() throws IOException {
    List<FmowImage> val = scan("val");
    assertThat(ids(TemporalPairBuilder.builder().build().pair(val))).containsExactly(
        "airport_hangar_101_0-airport_hangar_101_1", "military_facility_88_1-military_facility_88_2");
    assertThat(ids(TemporalPairBuilder.builder().policy(PairPolicy.ADJACENT).build().pair(val)))
        .containsExactly(
            "airport_hangar_101_0-airport_hangar_101_1", "military_facility_88_0-military_facility_88_2");
  }

  @Test
  void calendarPeriodDiffersFrom365DaysAcrossALeapYear() throws IOException {
    List<FmowImage> train = scan("train");
    TemporalPairBuilder months = TemporalPairBuilder.builder().minGap(Period.ofMonths(12)).build();
    List<String> chained = ids(months.pair(train));
    // 2015-03-01 + 12 months is 2016-03-01: the leap day image no longer qualifies
    assertThat(chained).contains("crop_field_7_2-crop_field_7_0", "crop_field_7_0-crop_field_7_3")
        .doesNotContain("crop_field_7_2-crop_field_7_1");
    List<String> adjacent = ids(TemporalPairBuilder.builder().minGap(Period.ofMonths(12))
        .policy(PairPolicy.ADJACENT).build().pair(train));
    // 2016-02-29 + 12 months is 2017-02-28, so the leap-day pair stays
    assertThat(adjacent).contains("crop_field_7_1-crop_field_7_0", "crop_field_7_0-crop_field_7_3")
        .doesNotContain("crop_field_7_2-crop_field_7_1");
  }

  @Test
  void maxBytesIsInclusiveAndConfigurable() throws IOException {
    List<FmowImage> train = scan("train");
    List<String> keepAll = ids(TemporalPairBuilder.builder().maxBytes(1_000_001).build().pair(train));
    assertThat(keepAll).contains("military_facility_4_0-military_facility_4_1",
        "military_facility_4_1-military_facility_4_2");
    assertThat(ids(TemporalPairBuilder.builder().maxBytes(1_000_000).build().pair(train)))
        .contains("military_facility_4_0-military_facility_4_2");
  }

  @Test
  void inputOrderDoesNotMatter() throws IOException {
    List<FmowImage> train = new ArrayList<>(scan("train"));
    List<TemporalPair> expected = TemporalPairBuilder.builder().build().pair(train);
    Collections.reverse(train);
    assertThat(TemporalPairBuilder.builder().build().pair(train)).isEqualTo(expected);
  }

  @Test
  void streamingPairAllMatchesInMemoryPairing() throws IOException {
    FmowScanner scanner = FmowScanner.builder().root(Fixtures.fmowMini()).split("all").build();
    TemporalPairBuilder b = TemporalPairBuilder.builder().build();
    List<TemporalPair> streamed = new ArrayList<>();
    PairingReport r = b.pairAll(scanner, streamed::add);
    assertThat(streamed).isEqualTo(b.pair(scan("all")));
    assertThat(r.pairs()).isEqualTo(10);
    assertThat(r.candidatePairs()).isEqualTo(10);
    assertThat(r.oversizeImages()).isEqualTo(1);
    assertThat(r.usableImages()).isEqualTo(20);
    assertThat(r.locations()).isEqualTo(7);
    assertThat(r.scan().skipped()).isEqualTo(3);
    assertThat(r.policy()).isEqualTo("chained");
    assertThat(r.minGap()).isEqualTo("P365D");
    assertThat(TemporalPairBuilder.builder().minGap(Duration.ofHours(36)).build()
        .pairAll(scanner, p -> { }).minGap()).isEqualTo("PT36H");
  }

  @Test
  void cappedSamplingIsSeededNestedAndOrderIndependent() {
    List<FmowImage> images = new ArrayList<>();
    for (int loc = 0; loc < 40; loc++) {
      for (int y = 0; y < 6; y++) {
        images.add(image("port_" + loc, y, (2010 + y) + "-06-01T00:00:00Z", 500));
      }
    }
    TemporalPairBuilder all = TemporalPairBuilder.builder().build();
    assertThat(all.pair(images)).hasSize(200);

    List<TemporalPair> s50 = TemporalPairBuilder.builder().limit(50).seed(7).build().pair(images);
    List<TemporalPair> s10 = TemporalPairBuilder.builder().limit(10).seed(7).build().pair(images);
    List<FmowImage> shuffled = new ArrayList<>(images);
    Collections.shuffle(shuffled, new java.util.Random(1));
    List<TemporalPair> s50again = TemporalPairBuilder.builder().limit(50).seed(7).build().pair(shuffled);
    List<TemporalPair> other = TemporalPairBuilder.builder().limit(50).seed(8).build().pair(images);

    assertThat(s50).hasSize(50).isSortedAccordingTo(TemporalPair.ORDER).isEqualTo(s50again);
    assertThat(s50).containsAll(s10);
    assertThat(other).isNotEqualTo(s50);
    // pinned: the sample is a function of (seed, video names) only, so it never changes across JVMs
    assertThat(ids(s10)).containsExactly(PINNED_SEED7_LIMIT10);
    assertThat(TemporalPairBuilder.builder().limit(500).build().pair(images)).hasSize(200);
  }

  @Test
  void builderValidatesWithClearMessages() {
    assertThatThrownBy(() -> TemporalPairBuilder.builder().maxBytes(0))
        .hasMessage("maxBytes: must be > 0, found 0");
    assertThatThrownBy(() -> TemporalPairBuilder.builder().limit(0))
        .hasMessage("limit: must be >= 1, found 0");
    assertThatThrownBy(() -> TemporalPairBuilder.builder().minGap(Duration.ofDays(-1)))
        .hasMessageStartingWith("minGap: must be >= 0");
  }
}
