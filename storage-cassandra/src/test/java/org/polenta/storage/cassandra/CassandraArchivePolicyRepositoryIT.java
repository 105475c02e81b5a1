package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.ArchivePolicyRepositoryContract;

class CassandraArchivePolicyRepositoryIT extends ArchivePolicyRepositoryContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected Stores stores() {
        CassandraStorage storage = KEYSPACE.storage();
        return new Stores(storage.archivePolicies(), storage.archivePolicyRules(), storage.metrics());
    }
}
