package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.MetricRepositoryContract;

class CassandraMetricRepositoryIT extends MetricRepositoryContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected org.polenta.core.metric.MetricRepository metrics() {
        return KEYSPACE.storage().metrics();
    }
}
