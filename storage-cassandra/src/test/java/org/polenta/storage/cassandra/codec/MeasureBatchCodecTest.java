package org.polenta.storage.cassandra.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polenta.core.incoming.Measure;

class MeasureBatchCodecTest {

    @Test
    void anEmptyBatchRoundTrips() {
        assertThat(MeasureBatchCodec.decode(MeasureBatchCodec.encode(List.of()))).isEmpty();
    }

    @Test
    void orderDuplicatesAndEveryBitOfTheValuesSurvive() {
        List<Measure> batch = List.of(new Measure(5_000, 1.5), new Measure(0, -0.0), new Measure(5_000, 1.5),
            new Measure(Long.MAX_VALUE, Double.MIN_VALUE), new Measure(1, -Double.MAX_VALUE), new Measure(3, 0.1 + 0.2));
        List<Measure> back = MeasureBatchCodec.decode(MeasureBatchCodec.encode(batch));
        assertThat(back).isEqualTo(batch);
        assertThat(Double.doubleToRawLongBits(back.get(1).value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void randomShuffledBatchesRoundTrip() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            List<Measure> batch = new ArrayList<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                batch.add(new Measure(1_600_000_000_000_000_000L + random.nextLong() % 1_000_000_000_000L,
                    random.nextBoolean() ? random.nextGaussian() : random.nextInt(100)));
            }
            assertThat(MeasureBatchCodec.decode(MeasureBatchCodec.encode(batch))).isEqualTo(batch);
        }
    }
}
