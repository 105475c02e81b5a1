package org.polenta.storage.cassandra.cql;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A prepared statement that binds with the consistency and timeout it was configured with. */
public final class PreparedQuery {

    private final CqlSession session;
    private static final int SERIAL_READ_ATTEMPTS = 3;

    private final PreparedStatement prepared;
    private final ConsistencyLevel consistency;
    private final Duration timeout;

    PreparedQuery(CqlSession session, PreparedStatement prepared, ConsistencyLevel consistency, Duration timeout) {
        this.session = session;
        this.prepared = prepared;
        this.consistency = consistency;
        this.timeout = timeout;
    }

    public PreparedStatement prepared() {
        return prepared;
    }

    public BoundStatement bind(Object... values) {
        return prepared.bind(values)
            .setConsistencyLevel(consistency)
            // Lightweight transactions stay within the local data centre, like the regular consistency.
            .setSerialConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)
            .setTimeout(timeout);
    }

    public ResultSet execute(Object... values) {
        return session.execute(bind(values));
    }

    /**
     * Runs a lightweight transaction. Empty when Cassandra cannot tell whether it applied: a CAS write that
     * timed out (contention, or a slow commit) may still be completed by the next Paxos round. The caller then
     * learns the outcome with {@link #executeSerial}, whose Paxos read finishes any round left in progress.
     */
    public Optional<ResultSet> executeConditional(Object... values) {
        try {
            return Optional.of(session.execute(bind(values)));
        } catch (WriteTimeoutException timeout) {
            if (timeout.getWriteType() == DefaultWriteType.CAS) {
                return Optional.empty();
            }
            throw timeout;
        } catch (CASWriteUnknownException unknown) {
            return Optional.empty();
        }
    }

    /** A read at serial consistency: it sees the outcome of every lightweight transaction begun before it. */
    public ResultSet executeSerial(Object... values) {
        BoundStatement read = prepared.bind(values)
            .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)
            .setTimeout(timeout);
        // A serial read is a Paxos round too and can lose to the same contention that left the outcome unknown;
        // it changes nothing, so trying again is safe.
        for (int attempt = 1; ; attempt++) {
            try {
                return session.execute(read);
            } catch (ReadTimeoutException | WriteTimeoutException contended) {
                if (attempt == SERIAL_READ_ATTEMPTS) {
                    throw contended;
                }
            }
        }
    }

    /** For scans that usually stop after the first rows: fetches {@code pageSize} rows at a time. */
    public ResultSet executePaged(int pageSize, Object... values) {
        return session.execute(bind(values).setPageSize(pageSize));
    }

    public CompletionStage<AsyncResultSet> executeAsync(Object... values) {
        return session.executeAsync(bind(values));
    }

    /**
     * Runs this statement once per row of values as one unlogged batch: meant for rows of a single partition,
     * which Cassandra then applies as one mutation.
     */
    public void executeUnloggedBatch(List<Object[]> rows) {
        session.execute(unloggedBatch(rows));
    }

    /** {@link #executeUnloggedBatch} without waiting. */
    public CompletionStage<AsyncResultSet> executeUnloggedBatchAsync(List<Object[]> rows) {
        return session.executeAsync(unloggedBatch(rows));
    }

    private BatchStatement unloggedBatch(List<Object[]> rows) {
        BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED)
            .setConsistencyLevel(consistency)
            .setTimeout(timeout);
        for (Object[] values : rows) {
            batch.addStatement(prepared.bind(values));
        }
        return batch.build();
    }
}
