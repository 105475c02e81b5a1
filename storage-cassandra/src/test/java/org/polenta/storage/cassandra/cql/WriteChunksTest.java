package org.polenta.storage.cassandra.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WriteChunksTest {

    @Test
    void keepsTheOrderAndCutsAtTheRowBound() {
        assertThat(WriteChunks.of(List.of(1, 1, 1, 1, 1), 2, 100, Integer::intValue))
            .containsExactly(List.of(1, 1), List.of(1, 1), List.of(1));
    }

    @Test
    void cutsBeforeARowThatWouldPassTheByteBound() {
        assertThat(WriteChunks.of(List.of(4, 5, 2, 9, 1), 100, 10, Integer::intValue))
            .containsExactly(List.of(4, 5), List.of(2), List.of(9, 1));
    }

    @Test
    void aRowLargerThanTheByteBoundGoesAlone() {
        assertThat(WriteChunks.of(List.of(3, 50, 3), 100, 10, Integer::intValue))
            .containsExactly(List.of(3), List.of(50), List.of(3));
    }

    @Test
    void nothingGivesNoChunk() {
        assertThat(WriteChunks.of(List.<Integer>of(), 10, 10, Integer::intValue)).isEmpty();
    }
}
