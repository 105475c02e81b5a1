package org.polenta.storage.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.IncomingMeasuresContract;

class CassandraIncomingMeasuresIT extends IncomingMeasuresContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("storage");

    @Override
    protected org.polenta.core.incoming.IncomingMeasures incoming() {
        return KEYSPACE.storage().incoming();
    }
}
