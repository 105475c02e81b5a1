package org.polenta.storage.cassandra.resource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.polenta.storage.cassandra.cql.PreparedQuery;

/**
 * One partition read of a derived table, in clustering order, fetched a page at a time and only as far as the
 * caller consumes it. The first page is requested on construction, so many scans run in parallel; the next
 * page is requested as soon as a page arrives (reading overlaps with filtering) and is twice as large (up to
 * MAX_PAGE), for filters that reject most rows.
 */
final class PagedScan implements CandidateScan {

    static final int MAX_PAGE = 2000;

    private final CqlSession session;
    private final PreparedQuery query;
    private final Object[] values;
    private int pageSize;
    private CompletionStage<AsyncResultSet> pending;
    private Iterator<Row> rows;
    private Candidate head;
    private boolean done;

    PagedScan(CqlSession session, PreparedQuery query, int pageSize, Object... values) {
        this.session = session;
        this.query = query;
        this.values = values;
        this.pageSize = Math.max(1, Math.min(pageSize, MAX_PAGE));
        this.pending = session.executeAsync(query.bind(values).setPageSize(this.pageSize));
    }

    @Override
    public Candidate peek() {
        if (head == null && !done) {
            advance();
        }
        return head;
    }

    @Override
    public Candidate next() {
        Candidate next = peek();
        head = null;
        return next;
    }

    private void advance() {
        while (true) {
            if (rows != null && rows.hasNext()) {
                head = ResourceRows.derived(rows.next());
                return;
            }
            if (pending == null) {
                done = true;
                return;
            }
            AsyncResultSet page = await(pending);
            pending = page.hasMorePages() ? requestNext(page) : null;
            rows = page.currentPage().iterator();
        }
    }

    private CompletionStage<AsyncResultSet> requestNext(AsyncResultSet previous) {
        ByteBuffer state = previous.getExecutionInfo().getPagingState();
        pageSize = Math.min(pageSize * 2, MAX_PAGE);
        BoundStatement next = query.bind(values).setPageSize(pageSize).setPagingState(state);
        return session.executeAsync(next);
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
