package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.ResourceRepositoryContract;
import org.polenta.core.resource.ResourceRepository;

class CassandraResourceRepositoryIT extends ResourceRepositoryContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("resource");

    @Override
    protected ResourceRepository resources() {
        return KEYSPACE.storage().resources();
    }
}
