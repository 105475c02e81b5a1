package org.polenta.storage.cassandra;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.polenta.storage.cassandra.cql.CqlScript;

/**
 * A fresh keyspace on the test Cassandra for one test class (opened through CassandraStorage, so the real
 * schema migration runs), dropped when the class is done. Register as a static @RegisterExtension field.
 */
public final class CassandraKeyspaceExtension implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private CassandraStorage storage;
    private CassandraStorageConfig config;

    public CassandraKeyspaceExtension(String prefix) {
        this.prefix = prefix;
    }

    public static String contactPoint() {
        return System.getProperty("polenta.cassandra.contact", "127.0.0.1:9142");
    }

    public static CassandraStorageConfig config(String keyspace) {
        CassandraStorageConfig config = new CassandraStorageConfig();
        config.setContactPoints(List.of(contactPoint()));
        config.setKeyspace(keyspace);
        config.setReadConsistency("LOCAL_ONE");
        config.setWriteConsistency("LOCAL_ONE");
        config.setSacks(16);
        return config;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String area = context.getRequiredTestClass().getSimpleName().replace("Cassandra", "").replace("IT", "");
        area = area.substring(0, Math.min(area.length(), 30));
        String keyspace = (prefix + "_" + area + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        config = config(keyspace);
        storage = CassandraStorage.open(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (storage != null) {
            try {
                drop(storage, storage.keyspace());
            } finally {
                storage.close();
            }
        }
    }

    public CassandraStorage storage() {
        return storage;
    }

    public CassandraStorageConfig config() {
        return config;
    }

    static void drop(CassandraStorage storage, String keyspace) {
        String drop = CqlScript.load("queries/drop_keyspace.cql", Map.of("target", keyspace))
            .statement("dropKeyspace");
        storage.session().execute(SimpleStatement.newInstance(drop).setTimeout(Duration.ofSeconds(60)));
    }
}
