package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.polenta.storage.cassandra.cql.BoundedAsync;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.PreparedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills resources_by_text from the by-id rows, once per keyspace: the copy came with schema version 8, and
 * resources written before it have no rows there, so prefix searches would miss them. Runs at start-up before
 * the repository serves; a fresh keyspace has nothing to copy. Several instances starting at once write the same
 * rows, and a version replaced during the copy leaves a stale row that readers skip and clean up.
 */
final class TextCopyBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(TextCopyBackfill.class);
    static final String COPY = "resources_by_text";
    /** Resources held in memory at a time while copying. */
    private static final int CHUNK = 1000;

    private final PreparedQuery isCopyComplete;
    private final PreparedQuery markCopyComplete;
    private final PreparedQuery selectAll;
    private final DerivedRows derived;

    TextCopyBackfill(Cql cql, DerivedRows derived) {
        Cql.Queries queries = cql.queries("resources.cql");
        isCopyComplete = queries.get("isCopyComplete");
        markCopyComplete = queries.get("markCopyComplete");
        selectAll = queries.get("selectAll");
        this.derived = derived;
    }

    void runIfNeeded() {
        Row state = isCopyComplete.execute(COPY).one();
        if (state != null && state.getBoolean("complete")) {
            return;
        }
        List<Supplier<CompletionStage<Void>>> writes = new ArrayList<>();
        long copied = 0;
        for (Row row : selectAll.execute()) {
            var resource = ResourceRows.current(row);
            writes.add(() -> derived.writeText(resource));
            if (writes.size() == CHUNK) {
                BoundedAsync.runAll(writes);
                copied += writes.size();
                writes.clear();
            }
        }
        BoundedAsync.runAll(writes);
        copied += writes.size();
        markCopyComplete.execute(COPY);
        if (copied > 0) {
            LOG.info("filled {} for {} existing resources", COPY, copied);
        }
    }
}
