package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.AggregateStoreContract;

class CassandraAggregateStoreIT extends AggregateStoreContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected org.polenta.core.aggregates.AggregateStore aggregates() {
        return KEYSPACE.storage().aggregates();
    }
}
