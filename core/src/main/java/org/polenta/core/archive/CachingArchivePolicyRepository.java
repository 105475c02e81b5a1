package org.polenta.core.archive;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.polenta.core.caching.RecentReads;

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

    private static final int MAX_ENTRIES = 10_000;

    private final ArchivePolicyRepository store;
    private final RecentReads<String, ArchivePolicy> recent;

    public CachingArchivePolicyRepository(ArchivePolicyRepository store, Duration ttl) {
        this(store, ttl, System::nanoTime);
    }

    public CachingArchivePolicyRepository(ArchivePolicyRepository store, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.recent = new RecentReads<>(ttl, nanoTime, MAX_ENTRIES);
    }

    @Override
    public Optional<ArchivePolicy> get(String name) {
        RecentReads.ReadStart start = recent.readStarts();
        ArchivePolicy known = recent.get(name, start);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ArchivePolicy> loaded = store.get(name);
        loaded.ifPresent(policy -> recent.remember(name, policy, start));
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
        recent.forget(name);
    }
}
