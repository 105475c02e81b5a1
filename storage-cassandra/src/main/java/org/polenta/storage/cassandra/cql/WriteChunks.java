package org.polenta.storage.cassandra.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts the rows of one partition into the groups that single-partition batches carry. Such batches are exempt
 * from Cassandra's batch size thresholds, but a mutation must stay below half a commit log segment (16 MiB by
 * default), and a very large one makes a slow write; the bounds keep each far below.
 */
public final class WriteChunks {

    private WriteChunks() {
    }

    /**
     * Groups in order of at most {@code maxRows} rows each, whose sizes add up to at most {@code maxBytes} beyond
     * the first row of the group (a row larger than that goes alone).
     */
    public static <T> List<List<T>> of(List<T> rows, int maxRows, long maxBytes, ToIntFunction<T> sizeOf) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> chunk = new ArrayList<>();
        long bytes = 0;
        for (T row : rows) {
            int size = sizeOf.applyAsInt(row);
            if (!chunk.isEmpty() && (chunk.size() >= maxRows || bytes + size > maxBytes)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(row);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
