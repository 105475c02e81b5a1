package org.polenta.core.caching;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What a repository read from its store recently, by key, for the repository caches: an entry answers until it is
 * older than the time to live, and a write through the cache forgets the key. A read that began before any write
 * through the cache does not remember what it read, since it may be older than that write.
 *
 * <p>Use: take {@link #readStarts()} before reading the store, then {@link #remember} what was read with it.
 */
public final class RecentReads<K, V> {

    /** When a read of the store began: its clock time and how many writes had gone through the cache. */
    public record ReadStart(long nanos, long writesBefore) {
    }

    private record Entry<V>(V value, long loadedAtNanos) {
    }

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final int maxEntries;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    /** @param maxEntries beyond it every entry is dropped: entries are cheap to read again */
    public RecentReads(Duration ttl, LongSupplier nanoTime, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.maxEntries = maxEntries;
    }

    public ReadStart readStarts() {
        return new ReadStart(nanoTime.getAsLong(), writes.get());
    }

    /** The value remembered for the key and younger than the time to live at {@code start}, or null. */
    public V get(K key, ReadStart start) {
        Entry<V> entry = entries.get(key);
        return entry != null && start.nanos() - entry.loadedAtNanos() < ttlNanos ? entry.value() : null;
    }

    public void remember(K key, V value, ReadStart start) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        // Under the entry's lock, as forget() is: either this lands first and forget() removes it, or forget() came
        // first and the count tells that what was read may be older than the write.
        entries.compute(key, (k, old) -> writes.get() == start.writesBefore() ? new Entry<>(value, start.nanos()) : old);
    }

    /** Called for every write through the cache, whether the store's write succeeded or not. */
    public void forget(K key) {
        entries.compute(key, (k, old) -> {
            writes.incrementAndGet();
            return null;
        });
    }
}
