package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.core.aggregates.RunOutputStore;
import org.polenta.core.contract.RunOutputStoreContract;

/** A run's splits and raw blocks in one mutation when they fit, read back through the two stores. */
class CassandraRunOutputStoreIT extends RunOutputStoreContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected RunOutputStore runOutput() {
        return KEYSPACE.storage().runOutput();
    }

    @Override
    protected AggregateStore aggregates() {
        return KEYSPACE.storage().aggregates();
    }

    @Override
    protected RawPointStore rawPoints() {
        return KEYSPACE.storage().rawPoints();
    }
}
