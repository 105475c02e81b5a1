package org.polenta.storage.cassandra;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polenta.core.contract.ResourceTypeRepositoryContract;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.core.resource.type.ResourceTypeState;
import org.polenta.storage.cassandra.cql.CqlScript;

class CassandraResourceTypeRepositoryIT extends ResourceTypeRepositoryContract {

    @RegisterExtension
    static final CassandraKeyspaceExtension KEYSPACE = new CassandraKeyspaceExtension("resource");

    @Override
    protected ResourceTypeRepository types() {
        return KEYSPACE.storage().resourceTypes();
    }

    @Override
    protected ResourceRepository resources() {
        return KEYSPACE.storage().resources();
    }

    @Override
    protected void forceState(String name, ResourceTypeState state) {
        String cql = CqlScript.load("queries/resource_inspection.cql", Map.of("keyspace", KEYSPACE.storage().keyspace()))
            .statement("forceTypeState");
        KEYSPACE.storage().session().execute(cql, state.wireName(), name);
    }
}
