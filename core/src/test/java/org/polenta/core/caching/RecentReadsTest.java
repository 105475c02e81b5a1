package org.polenta.core.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentReadsTest {

    private final AtomicLong clock = new AtomicLong();
    private final RecentReads<String, String> recent = new RecentReads<>(Duration.ofSeconds(10), clock::get, 3);

    @Test
    void aRememberedValueAnswersUntilItIsOlderThanTheTimeToLive() {
        recent.remember("a", "1", recent.readStarts());
        clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertThat(recent.get("a", recent.readStarts())).isEqualTo("1");
        clock.incrementAndGet();
        assertThat(recent.get("a", recent.readStarts())).isNull();
    }

    @Test
    void aReadThatBeganBeforeAWriteIsNotRemembered() {
        RecentReads.ReadStart start = recent.readStarts();
        recent.forget("b");
        recent.remember("a", "stale", start);
        assertThat(recent.get("a", recent.readStarts())).isNull();
    }

    @Test
    void aWriteForgetsTheKey() {
        recent.remember("a", "1", recent.readStarts());
        recent.forget("a");
        assertThat(recent.get("a", recent.readStarts())).isNull();
    }

    @Test
    void beyondItsBoundEverythingIsDropped() {
        for (String key : new String[] {"a", "b", "c"}) {
            recent.remember(key, key, recent.readStarts());
        }
        recent.remember("d", "d", recent.readStarts());
        assertThat(recent.get("a", recent.readStarts())).isNull();
        assertThat(recent.get("d", recent.readStarts())).isEqualTo("d");
    }
}
