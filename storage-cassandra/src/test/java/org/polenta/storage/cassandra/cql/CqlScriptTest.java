package org.polenta.storage.cassandra.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
    void everyShippedResourceParsesAndEverySchemaVersionIsListedInOrder() throws Exception {
        Map<String, String> placeholders = Map.of("keyspace", "ks", "replication", "{}", "target", "t");
        List<String> listed = SchemaMigrator.versionFiles();
        for (String file : listed) {
            assertThat(CqlScript.load("schema/" + file, placeholders).statements()).isNotEmpty();
        }
        // Versions are 1..n without gaps, and no schema file ships without being listed in versions.txt.
        assertThat(listed).isSorted().extracting(SchemaMigrator::versionOf)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, listed.size()).boxed().toList());
        assertThat(shipped("schema", ".cql")).containsExactlyInAnyOrderElementsOf(listed);
        List<String> queries = shipped("queries", ".cql");
        assertThat(queries).contains("metrics.cql", "incoming_measures.cql", "aggregates.cql");
        for (String file : queries) {
            assertThat(CqlScript.load("queries/" + file, placeholders).statements()).isNotEmpty();
        }
    }

    /** The names of the .cql resources the main code ships in a folder (test resources of the same name excluded). */
    private static List<String> shipped(String folder, String suffix) throws Exception {
        Path classes = Path.of(CqlScript.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve("org/polenta/storage/cassandra/" + folder);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
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
