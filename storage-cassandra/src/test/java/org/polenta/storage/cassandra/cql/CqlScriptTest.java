package org.polenta.storage.cassandra.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CqlScriptTest {

    @Test
    void splitsStatementsSkipsCommentsAndKeepsNames() {
        CqlScript script = CqlScript.parse("t.cql", """
            -- a comment
            CREATE TABLE ${keyspace}.a (
                x int PRIMARY KEY
            );

            -- name: pick
            SELECT x FROM ${keyspace}.a
            WHERE x = ?;
            """, Map.of("keyspace", "ks"));
        assertThat(script.statements()).containsExactly(
            "CREATE TABLE ks.a (\n    x int PRIMARY KEY\n)", "SELECT x FROM ks.a\nWHERE x = ?");
        assertThat(script.statement("pick")).isEqualTo("SELECT x FROM ks.a\nWHERE x = ?");
    }

    @Test
    void anUnknownNameOrPlaceholderOrUnterminatedStatementIsAnError() {
        CqlScript script = CqlScript.parse("t.cql", "SELECT 1;\n", Map.of());
        assertThatThrownBy(() -> script.statement("nope")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CqlScript.parse("t.cql", "SELECT ${x};\n", Map.of()))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CqlScript.parse("t.cql", "SELECT 1\n", Map.of()))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyShippedResourceParsesAndEverySchemaVersionIsListedInOrder() {
        Map<String, String> placeholders = Map.of("keyspace", "ks", "replication", "{}", "target", "t");
        for (String file : SchemaMigrator.versionFiles()) {
            assertThat(CqlScript.load("schema/" + file, placeholders).statements()).isNotEmpty();
        }
        assertThat(SchemaMigrator.versionFiles()).isSorted()
            .extracting(SchemaMigrator::versionOf).containsExactly(1, 2, 3, 4, 5);
        for (String file : new String[] {"archive_policies.cql", "archive_policy_rules.cql", "metrics.cql",
            "incoming_measures.cql", "raw_points.cql", "aggregates.cql", "sack_leases.cql", "schema.cql",
            "drop_keyspace.cql"}) {
            assertThat(CqlScript.load("queries/" + file, placeholders).statements()).isNotEmpty();
        }
    }

    @Test
    void replicationBecomesAQuotedMapLiteral() {
        Map<String, String> replication = new LinkedHashMap<>();
        replication.put("class", "NetworkTopologyStrategy");
        replication.put("dc'1", "3");
        assertThat(SchemaMigrator.replicationLiteral(replication))
            .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc''1': '3'}");
    }
}
