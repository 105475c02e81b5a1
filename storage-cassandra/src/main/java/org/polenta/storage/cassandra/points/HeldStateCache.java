package org.polenta.storage.cassandra.points;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import org.polenta.core.processor.SackTenures;

/**
 * What this instance last wrote, or read, of the rows a processing run reads back before it rewrites them (the
 * current splits of the aggregated series, raw point blocks, the newest timestamp), for metrics of the sacks it
 * holds. A run then writes without reading first. An entry counts only within the sack tenure it was filled in
 * (see {@link SackTenures}): in that time no other instance writes these rows, so the entry is what Cassandra
 * holds. It also stops counting a minute before Cassandra's TTL would expire the row, so that a cached row is
 * never merged back to life. A failed write forgets its entry: Cassandra may or may not have applied it.
 *
 * <p>Bounded by bytes. When full, arbitrary entries go (the hash order): runs visit metrics round-robin, and
 * least-recently-used eviction would then drop every entry just before it is needed.
 */
public final class HeldStateCache {

    /** No caching: every lookup misses. For stores used outside processing, and for tests. */
    static final HeldStateCache DISABLED = new HeldStateCache(null, id -> 0, 0, System::currentTimeMillis);

    private static final long EXPIRY_MARGIN_MILLIS = 60_000;
    private static final long ENTRY_OVERHEAD_BYTES = 120;

    /** A row: its metric, a kind (an aggregation method, or the raw rows' names), granularity and index. */
    record Key(UUID metricId, String kind, long granularity, long index) {
    }

    /** A cached row: its blob (null when the row is known not to exist) or number, and when it stops counting. */
    record Entry(long tenure, long validUntilMillis, byte[] blob, long number) {
        boolean absent() {
            return blob == null;
        }
    }

    private final SackTenures tenures;
    private final ToIntFunction<UUID> sackOf;
    private final long budgetBytes;
    private final LongSupplier clockMillis;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    public HeldStateCache(SackTenures tenures, ToIntFunction<UUID> sackOf, long budgetBytes, LongSupplier clockMillis) {
        this.tenures = tenures;
        this.sackOf = sackOf;
        this.budgetBytes = budgetBytes;
        this.clockMillis = clockMillis;
    }

    /** Taken before a run's reads, and given back to {@link #put}: what is cached then counts only for it. */
    long tenureOf(UUID metricId) {
        if (tenures == null || budgetBytes <= 0) {
            return SackTenures.NONE;
        }
        return tenures.current(sackOf.applyAsInt(metricId));
    }

    long now() {
        return clockMillis.getAsLong();
    }

    /** The entry filled in this tenure and still valid, or null. */
    Entry get(Key key, long tenure) {
        if (tenure == SackTenures.NONE) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null || entry.tenure() != tenure || entry.validUntilMillis() <= clockMillis.getAsLong()) {
            return null;
        }
        return entry;
    }

    /**
     * Remembers a row as written (or read) at {@code sinceMillis}, taken before the request: Cassandra's TTL of
     * {@code ttlSeconds} (0: none) runs from a moment after it.
     */
    void put(Key key, long tenure, byte[] blob, long number, int ttlSeconds, long sinceMillis) {
        if (tenure == SackTenures.NONE) {
            return;
        }
        long validUntil = ttlSeconds <= 0 ? Long.MAX_VALUE : sinceMillis + ttlSeconds * 1000L - EXPIRY_MARGIN_MILLIS;
        Entry entry = new Entry(tenure, validUntil, blob, number);
        Entry previous = entries.put(key, entry);
        bytes.addAndGet(sizeOf(entry) - (previous == null ? 0 : sizeOf(previous)));
        if (bytes.get() > budgetBytes) {
            shrink();
        }
    }

    void forget(Key key) {
        Entry previous = entries.remove(key);
        if (previous != null) {
            bytes.addAndGet(-sizeOf(previous));
        }
    }

    long bytes() {
        return bytes.get();
    }

    private void shrink() {
        long target = budgetBytes - budgetBytes / 8;
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (bytes.get() > target && it.hasNext()) {
            Map.Entry<Key, Entry> e = it.next();
            if (entries.remove(e.getKey(), e.getValue())) {
                bytes.addAndGet(-sizeOf(e.getValue()));
            }
        }
    }

    private static long sizeOf(Entry entry) {
        return ENTRY_OVERHEAD_BYTES + (entry.blob() == null ? 0 : entry.blob().length);
    }
}
