package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.polenta.core.resource.Resource;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * The resources of a type whose string attribute starts with a prefix, in listing order: the prefix's slice of
 * every resources_by_text shard, sorted by listing key, then proven current a batch at a time against the by-id
 * rows (which also supply the content). A slice row whose version is no longer current is skipped, and deleted
 * once the current version is at least as new.
 *
 * <p>Sorting needs the whole slice in memory, so a prefix that matches more than {@link #MAX_MATCHES} rows is
 * not served here: so common a prefix is better served by reading the type in order, where matches are dense.
 */
final class TextPrefixScan implements CandidateScan {

    static final int MAX_MATCHES = 8192;
    private static final int PER_SHARD = MAX_MATCHES / TimelineLayout.SHARDS;
    /** By-id reads per round: the first page of a listing in one round. */
    private static final int VERIFY_BATCH = 128;

    private record Entry(ResourceKey key, String value, long revision) {
    }

    private final Deque<Entry> entries;
    private final Deque<Candidate> verified = new ArrayDeque<>();
    private final CurrentVersions currentVersions;
    private final DerivedRows derived;
    private final String type;
    private final String attribute;

    private TextPrefixScan(List<Entry> entries, CurrentVersions currentVersions, DerivedRows derived, String type,
                           String attribute) {
        this.entries = new ArrayDeque<>(entries);
        this.currentVersions = currentVersions;
        this.derived = derived;
        this.type = type;
        this.attribute = attribute;
    }

    /** The scan, or empty when the prefix matches too many rows (or has no upper bound) to be served this way. */
    static Optional<CandidateScan> open(PreparedQuery query, CurrentVersions currentVersions, DerivedRows derived,
                                        String type, String attribute, String prefix, ResourceKey after) {
        String upper = successor(prefix);
        if (upper == null) {
            return Optional.empty();
        }
        List<CompletionStage<AsyncResultSet>> slices = new ArrayList<>();
        for (int shard = 0; shard < TimelineLayout.SHARDS; shard++) {
            slices.add(query.executeAsync(type, attribute, shard, prefix, upper, PER_SHARD + 1));
        }
        List<Entry> entries = new ArrayList<>();
        for (CompletionStage<AsyncResultSet> slice : slices) {
            AsyncResultSet rows = PagedScan.await(slice);
            int count = 0;
            for (Row row : rows.currentPage()) {
                count++;
                ResourceKey key = new ResourceKey(row.getLong("revision_start"), row.getLong("started_at"),
                    row.getString("id"));
                if (key.compareTo(after) > 0) {
                    entries.add(new Entry(key, row.getString("value"), row.getLong("revision")));
                }
            }
            if (count > PER_SHARD) {
                return Optional.empty();
            }
        }
        entries.sort(Comparator.comparing(Entry::key));
        return Optional.of(new TextPrefixScan(entries, currentVersions, derived, type, attribute));
    }

    @Override
    public Candidate peek() {
        while (verified.isEmpty() && !entries.isEmpty()) {
            verifyNextBatch();
        }
        return verified.peekFirst();
    }

    @Override
    public Candidate next() {
        Candidate next = peek();
        verified.pollFirst();
        return next;
    }

    private void verifyNextBatch() {
        List<Entry> batch = new ArrayList<>();
        while (batch.size() < VERIFY_BATCH && !entries.isEmpty()) {
            batch.add(entries.pollFirst());
        }
        Map<UUID, Resource> current = currentVersions.load(batch.stream()
            .map(entry -> UUID.fromString(entry.key().id())).toList());
        for (Entry entry : batch) {
            Resource now = current.get(UUID.fromString(entry.key().id()));
            if (now == null) {
                // Deleted, or a create still in flight: nothing to list, and nothing to clean up yet.
                continue;
            }
            if (ResourceKey.of(now).equals(entry.key()) && now.type().equals(type)) {
                verified.addLast(Candidate.current(now));
            } else if (now.revision() >= entry.revision()) {
                derived.deleteText(new TextPlace(type, attribute, TimelineLayout.shard(now.id()), entry.value(),
                    entry.key()));
            }
        }
    }

    /**
     * The least text above every text that starts with {@code prefix}: its last code point incremented (UTF-8,
     * which Cassandra compares bytewise, orders by code point). Null when no such text exists.
     */
    static String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            int next = codePoints[i] + 1;
            if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                next = Character.MAX_SURROGATE + 1;
            }
            if (next <= Character.MAX_CODE_POINT) {
                codePoints[i] = next;
                return new String(codePoints, 0, i + 1);
            }
        }
        return null;
    }
}
