package org.polenta.core.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchKeysTest {

    private static final long T = 1_732_600_000_123_456_700L;

    @Test
    void theSameTimeAndNameGiveTheSameKey() {
        assertThat(BatchKeys.of(T, "abc")).isEqualTo(BatchKeys.of(T, "abc"));
    }

    @Test
    void anotherNameOrTimeGivesAnotherKey() {
        assertThat(BatchKeys.of(T, "abc")).isNotEqualTo(BatchKeys.of(T, "abd"));
        assertThat(BatchKeys.of(T, "abc")).isNotEqualTo(BatchKeys.of(T + 100, "abc"));
    }

    @Test
    void theKeyIsATimeBasedUuidCarryingTheTime() {
        UUID key = BatchKeys.of(T, "abc");
        assertThat(key.version()).isEqualTo(1);
        assertThat(key.variant()).isEqualTo(2);
        // UUID time: 100 ns since 1582-10-15.
        assertThat((key.timestamp() - 0x01B21DD213814000L) * 100).isEqualTo(T);
    }

    @Test
    void theEpochItselfAndTimesBeforeItAreValid() {
        assertThat((BatchKeys.of(0, "x").timestamp() - 0x01B21DD213814000L)).isZero();
        assertThat(BatchKeys.of(-1_000_000_000L, "x").timestamp()).isEqualTo(0x01B21DD213814000L - 10_000_000L);
    }
}
