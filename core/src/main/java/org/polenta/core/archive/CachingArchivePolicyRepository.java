package org.polenta.core.archive;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Archive policies whose get() answers from memory for a short while. Every read of a metric's series needs its
 * policy's definition, and reading it from the store was a round trip of its own before an aggregates request
 * could start its reads (and parsing the row was a twentieth of the request's CPU).
 *
 * <p>What is written through this repository is seen at once; a change made through another process (another API
 * instance) is seen once the entry is older than the time to live. So use it only where a briefly stale
 * definition is harmless: the policy of an existing metric, which cannot be deleted while the metric uses it, and
 * whose update (PATCH) only changes timespans. Whether a policy exists, before a metric or a rule uses it, must be
 * asked of the store itself. Absent names are not remembered.
 */
public final class CachingArchivePolicyRepository implements ArchivePolicyRepository {

    private record Entry(ArchivePolicy policy, long loadedAtNanos) {
    }

    private final ArchivePolicyRepository store;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    // Bumped by every write through this repository: a read that began before a write must not store what it read.
    private final AtomicLong writes = new AtomicLong();

    public CachingArchivePolicyRepository(ArchivePolicyRepository store, Duration ttl) {
        this(store, ttl, System::nanoTime);
    }

    public CachingArchivePolicyRepository(ArchivePolicyRepository store, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<ArchivePolicy> get(String name) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(name);
        if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
            return Optional.of(entry.policy());
        }
        long writesBefore = writes.get();
        Optional<ArchivePolicy> loaded = store.get(name);
        // Under the entry's lock, as forget() is: either this lands first and forget() removes it, or forget()
        // came first and the count tells that what was read may be older than the write.
        entries.compute(name, (key, old) -> loaded.isPresent() && writes.get() == writesBefore
                ? new Entry(loaded.get(), now) : null);
        return loaded;
    }

    @Override
    public void create(ArchivePolicy policy) {
        try {
            store.create(policy);
        } finally {
            forget(policy.name());
        }
    }

    @Override
    public List<ArchivePolicy> list() {
        return store.list();
    }

    @Override
    public void update(ArchivePolicy policy) {
        try {
            store.update(policy);
        } finally {
            forget(policy.name());
        }
    }

    @Override
    public void delete(String name) {
        try {
            store.delete(name);
        } finally {
            forget(name);
        }
    }

    private void forget(String name) {
        entries.compute(name, (key, old) -> {
            writes.incrementAndGet();
            return null;
        });
    }
}
