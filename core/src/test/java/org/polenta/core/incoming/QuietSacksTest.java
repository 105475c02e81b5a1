package org.polenta.core.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuietSacksTest {

    private static final long T = 1_800_000_000_000L;

    private final QuietSacks quiet = new QuietSacks(4);

    @Test
    void aSackNeverLookedAtMustBeLookedAt() {
        assertThat(quiet.mustLook(0, 0, T)).isTrue();
    }

    @Test
    void aSackFoundEmptyIsSkippedWhileNothingIsAnnouncedAfterTheLook() {
        quiet.looked(2, T, true);
        assertThat(quiet.mustLook(2, 0, T + 1_000)).isFalse();
        assertThat(quiet.mustLook(2, T - QuietSacks.SKEW_MILLIS - 1, T + 1_000)).isFalse();
        assertThat(quiet.mustLook(3, 0, T + 1_000)).as("other sacks are not affected").isTrue();
    }

    @Test
    void anAnnouncementReachingBackIntoTheSkewMarginMakesItLookAgain() {
        quiet.looked(1, T, true);
        assertThat(quiet.mustLook(1, T - QuietSacks.SKEW_MILLIS, T + 1_000)).isTrue();
        assertThat(quiet.mustLook(1, T + 2_000, T + 1_000)).isTrue();
    }

    @Test
    void aSackFoundBusyIsLookedAtAgainWhateverIsAnnounced() {
        quiet.looked(1, T, true);
        quiet.looked(1, T + 5_000, false);
        assertThat(quiet.mustLook(1, 0, T + 6_000)).isTrue();
    }

    @Test
    void aQuietSackIsLookedAtAgainAfterTheRecheckPeriodForWritersThatAnnounceNothing() {
        quiet.looked(0, T, true);
        assertThat(quiet.mustLook(0, 0, T + QuietSacks.RECHECK_MILLIS - 1)).isFalse();
        assertThat(quiet.mustLook(0, 0, T + QuietSacks.RECHECK_MILLIS)).isTrue();
        quiet.looked(0, T + QuietSacks.RECHECK_MILLIS, true);
        assertThat(quiet.mustLook(0, 0, T + QuietSacks.RECHECK_MILLIS + 1)).isFalse();
    }
}
