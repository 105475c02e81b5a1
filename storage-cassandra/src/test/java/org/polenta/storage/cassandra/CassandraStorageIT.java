package org.polenta.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polenta.core.aggregates.Aggregation;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.cql.CqlScript;
import org.polenta.storage.cassandra.cql.SchemaMigrator;

/** Opening, migrating and dropping keyspaces, and what the stores leave on disk (TTLs, splits, blocks). */
class CassandraStorageIT {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long DAY = 1440 * MINUTE;

    private static CqlScript inspection(String keyspace, String target) {
        return CqlScript.load("queries/inspection.cql", Map.of("keyspace", keyspace, "target", target));
    }

    private static List<Row> rows(CassandraStorage storage, String query, Object... values) {
        List<Row> rows = new ArrayList<>();
        storage.session().execute(SimpleStatement.newInstance(
            inspection(storage.keyspace(), "unused").statement(query), values)).forEach(rows::add);
        return rows;
    }

    @Test
    void openingMigratesOnceDropsStaleKeyspacesAndStoresWithTtls() {
        String prefix = "storagedrop_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        String stale = prefix + "stale";
        CassandraStorageConfig config = CassandraKeyspaceExtension.config(prefix + "main");
        config.setDropKeyspacesWithPrefix(prefix);
        config.setRawRetentionSeconds(7200);
        try (CassandraStorage first = CassandraStorage.open(CassandraKeyspaceExtension.config(prefix + "boot"))) {
            first.session().execute(SimpleStatement.newInstance(
                inspection(first.keyspace(), stale).statement("createBareKeyspace")).setTimeout(Duration.ofSeconds(30)));
            assertThat(rows(first, "keyspaceExists", stale)).hasSize(1);
        }
        try (CassandraStorage storage = CassandraStorage.open(config)) {
            try {
                assertThat(rows(storage, "keyspaceExists", stale)).isEmpty();
                assertThat(rows(storage, "keyspaceExists", prefix + "boot")).isEmpty();
                assertThat(storage.isHealthy()).isTrue();
                List<Integer> shipped = SchemaMigrator.versionFiles().stream().map(SchemaMigrator::versionOf).toList();
                assertThat(shipped).isNotEmpty();
                assertThat(rows(storage, "appliedVersions")).extracting(r -> r.getInt("version"))
                    .containsExactlyInAnyOrderElementsOf(shipped);

                // A second open of the same keyspace finds everything applied and works.
                try (CassandraStorage again = CassandraStorage.open(CassandraKeyspaceExtension.config(prefix + "main"))) {
                    assertThat(rows(again, "appliedVersions")).hasSize(shipped.size());
                    assertThat(again.isHealthy()).isTrue();
                }
                assertAggregatesAreSplitByDayWithTtl(storage);
                assertRawPointsAreHourBlocksWithRetentionTtl(storage);
                assertLeasesCarryTheirTtl(storage);
            } finally {
                CassandraKeyspaceExtension.drop(storage, storage.keyspace());
            }
        }
    }

    private static void assertAggregatesAreSplitByDayWithTtl(CassandraStorage storage) {
        UUID metric = UUID.randomUUID();
        Aggregation mean = new Aggregation("mean", MINUTE);
        long start = 20_000 * DAY;
        int n = 2 * 1440 + 30;
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = start + i * MINUTE;
            vs[i] = i;
        }
        storage.aggregates().write(metric, mean, new Points(ts, vs), 3600);
        List<Row> splits = rows(storage, "aggregateSplits", metric, "mean", MINUTE);
        assertThat(splits).extracting(r -> r.getLong("split")).containsExactly(20_000L, 20_001L, 20_002L);
        // timespan + one split span (a day for 1-minute buckets), minus the seconds the test took.
        assertThat(splits).allSatisfy(r -> assertThat(r.getInt("ttl")).isBetween(3600 + 86_400 - 60, 3600 + 86_400));

        Aggregation forever = new Aggregation("max", MINUTE);
        storage.aggregates().write(metric, forever, new Points(new long[] {start}, new double[] {1}), 0);
        assertThat(rows(storage, "aggregateSplits", metric, "max", MINUTE))
            .allSatisfy(r -> assertThat(r.isNull("ttl")).isTrue());
    }

    private static void assertLeasesCarryTheirTtl(CassandraStorage storage) {
        assertThat(storage.sackLeases().tryAcquire(7, "me", Duration.ofMillis(29_500))).isTrue();
        assertThat(rows(storage, "leaseTtl", 7)).singleElement().satisfies(r -> {
            assertThat(r.getString("owner")).isEqualTo("me");
            // 29.5 s rounds up to 30, plus the second Cassandra's whole-second expiry may take.
            assertThat(r.getInt("ttl")).isBetween(26, 31);
        });
    }

    private static void assertRawPointsAreHourBlocksWithRetentionTtl(CassandraStorage storage) {
        UUID metric = UUID.randomUUID();
        long start = 20_000 * DAY;
        storage.rawPoints().write(metric, new Points(
            new long[] {start, start + 59 * MINUTE, start + 61 * MINUTE, start + 5 * 60 * MINUTE},
            new double[] {1, 2, 3, 4}));
        List<Row> blocks = rows(storage, "rawBlocks", metric);
        long firstBlock = start / (60 * MINUTE);
        assertThat(blocks).extracting(r -> r.getLong("block"))
            .containsExactly(firstBlock + 5, firstBlock + 1, firstBlock);
        assertThat(blocks).allSatisfy(r -> assertThat(r.getInt("ttl")).isBetween(7200 - 60, 7200));
    }
}
