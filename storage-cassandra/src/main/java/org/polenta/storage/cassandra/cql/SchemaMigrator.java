package org.polenta.storage.cassandra.cql;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a keyspace up to the newest schema version: the .cql files listed in schema/versions.txt are applied
 * in order, each once, and recorded in schema_versions. Statements are idempotent, so a crash half-way or two
 * instances starting at once only repeat harmless work.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final CqlSession session;
    private final String keyspace;
    private final Map<String, String> placeholders;
    private final Duration timeout;

    public SchemaMigrator(CqlSession session, String keyspace, Map<String, String> replication, Duration timeout) {
        this.session = session;
        this.keyspace = keyspace;
        this.placeholders = Map.of("keyspace", keyspace, "replication", replicationLiteral(replication));
        this.timeout = timeout;
    }

    public void migrate() {
        List<String> files = versionFiles();
        // The first version creates the keyspace and schema_versions, so it always runs (idempotently)
        // before the record of applied versions can be read.
        apply(files.get(0));
        Set<Integer> applied = appliedVersions();
        for (String file : files) {
            int version = versionOf(file);
            if (!applied.contains(version)) {
                if (version != versionOf(files.get(0))) {
                    apply(file);
                }
                execute(CqlScript.load("queries/schema.cql", placeholders).statement("recordVersion"),
                    version, file);
                LOG.info("applied schema version {} ({}) to keyspace {}", version, file, keyspace);
            }
        }
    }

    /** Drops every keyspace whose name starts with {@code prefix}, except ours: leftovers of earlier test servers. */
    public void dropKeyspacesWithPrefix(String prefix) {
        String lowerPrefix = prefix.toLowerCase();
        CqlScript queries = CqlScript.load("queries/schema.cql", placeholders);
        for (Row row : session.execute(queries.statement("keyspaces"))) {
            String name = row.getString(0);
            if (name.startsWith(lowerPrefix) && !name.equals(keyspace)) {
                LOG.info("dropping stale keyspace {}", name);
                execute(CqlScript.load("queries/drop_keyspace.cql", Map.of("target", name))
                    .statement("dropKeyspace"));
            }
        }
    }

    private void apply(String file) {
        for (String statement : CqlScript.load("schema/" + file, placeholders).statements()) {
            execute(statement);
        }
    }

    private Set<Integer> appliedVersions() {
        Set<Integer> versions = new HashSet<>();
        String select = CqlScript.load("queries/schema.cql", placeholders).statement("appliedVersions");
        for (Row row : session.execute(SimpleStatement.newInstance(select).setTimeout(timeout))) {
            versions.add(row.getInt(0));
        }
        return versions;
    }

    private void execute(String cql, Object... values) {
        session.execute(SimpleStatement.newInstance(cql, values).setTimeout(timeout));
    }

    public static List<String> versionFiles() {
        return CqlScript.read("schema/versions.txt").lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toList());
    }

    public static int versionOf(String file) {
        return Integer.parseInt(file.substring(0, file.indexOf('-')));
    }

    static String replicationLiteral(Map<String, String> replication) {
        return replication.entrySet().stream()
            .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
