package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.SackLeasesContract;

class CassandraSackLeasesIT extends SackLeasesContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected org.polenta.core.processor.SackLeases leases() {
        return KEYSPACE.storage().sackLeases();
    }
}
