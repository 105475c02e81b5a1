package org.polenta.storage.cassandra.cql;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The session plus what every statement needs: the keyspace placeholder, read/write consistency and the
 * request timeout. Repositories get their prepared statements from here, by name, out of .cql resources.
 */
public final class Cql {

    private final CqlSession session;
    private final String keyspace;
    private final ConsistencyLevel readConsistency;
    private final ConsistencyLevel writeConsistency;
    private final Duration requestTimeout;

    public Cql(CqlSession session, String keyspace, String readConsistency, String writeConsistency,
               Duration requestTimeout) {
        this.session = session;
        this.keyspace = keyspace;
        this.readConsistency = DefaultConsistencyLevel.valueOf(readConsistency);
        this.writeConsistency = DefaultConsistencyLevel.valueOf(writeConsistency);
        this.requestTimeout = requestTimeout;
    }

    public CqlSession session() {
        return session;
    }

    /**
     * Writes of one partition key, in one or several tables of the keyspace, as one unlogged batch: Cassandra applies
     * it as a single mutation, in one request, and checks no batch size for it. Not for writes of different keys.
     */
    public CompletionStage<AsyncResultSet> writeOnePartitionAsync(List<BoundStatement> writes) {
        BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED)
            .setConsistencyLevel(writeConsistency)
            .setTimeout(requestTimeout);
        writes.forEach(batch::addStatement);
        return session.executeAsync(batch.build());
    }

    /** Loads and prepares every named statement of queries/{file}. */
    public Queries queries(String file) {
        return new Queries(this, CqlScript.load("queries/" + file, Map.of("keyspace", keyspace)));
    }

    PreparedQuery prepare(String cql) {
        PreparedStatement prepared = session.prepare(SimpleStatement.newInstance(cql));
        boolean read = cql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
        return new PreparedQuery(session, prepared, read ? readConsistency : writeConsistency, requestTimeout);
    }

    /** The named statements of one .cql file, prepared once. */
    public static final class Queries {
        private final Cql cql;
        private final CqlScript script;

        private Queries(Cql cql, CqlScript script) {
            this.cql = cql;
            this.script = script;
        }

        public PreparedQuery get(String name) {
            return cql.prepare(script.statement(name));
        }
    }
}
