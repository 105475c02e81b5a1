package org.polenta.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polenta.core.testing.InMemoryArchivePolicyRepository;
import org.polenta.core.testing.InMemoryArchivePolicyRuleRepository;
import org.polenta.core.testing.InMemoryMetricRepository;

class CachingArchivePolicyRepositoryTest {

    private static final long MINUTE = 60_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000);
    // The store as another process changes it: beside the cache, not through it.
    private final InMemoryArchivePolicyRepository store =
            new InMemoryArchivePolicyRepository(new InMemoryMetricRepository(), new InMemoryArchivePolicyRuleRepository());
    private final CachingArchivePolicyRepository cached =
            new CachingArchivePolicyRepository(store, Duration.ofSeconds(5), now::get);

    private static ArchivePolicy policy(long points) {
        return new ArchivePolicy("p", 0, List.of(new ArchivePolicyItem(MINUTE, points)), Set.of("mean"));
    }

    @Test
    void anotherProcesssChangeIsSeenOnceTheEntryIsOlderThanTheTimeToLive() {
        store.create(policy(10));
        assertThat(cached.get("p")).contains(policy(10));
        store.update(policy(20));
        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(cached.get("p")).contains(policy(10));
        now.addAndGet(1);
        assertThat(cached.get("p")).contains(policy(20));
    }

    @Test
    void aChangeThroughTheCacheIsSeenAtOnce() {
        cached.create(policy(10));
        assertThat(cached.get("p")).contains(policy(10));
        cached.update(policy(30));
        assertThat(cached.get("p")).contains(policy(30));
        cached.delete("p");
        assertThat(cached.get("p")).isEmpty();
    }

    @Test
    void anAbsentNameIsAskedAgainEachTime() {
        assertThat(cached.get("p")).isEmpty();
        store.create(policy(10));
        assertThat(cached.get("p")).contains(policy(10));
    }
}
