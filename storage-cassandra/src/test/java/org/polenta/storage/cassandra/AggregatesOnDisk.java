package org.polenta.storage.cassandra;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.polenta.storage.cassandra.cql.CqlScript;

/** For the size benchmarks: the aggregates table's sstable files, once Cassandra has flushed the table. */
final class AggregatesOnDisk {

    private AggregatesOnDisk() {
    }

    static void flushAndMeasure(CassandraStorage storage, String keyspace, Path dataRoot, long points)
            throws Exception {
        storage.session().execute(SimpleStatement.newInstance(
            CqlScript.load("queries/bench.cql", Map.of("keyspace", keyspace)).statement("flushAggregatesSoon"))
            .setTimeout(Duration.ofSeconds(30)));
        Path tableDirParent = dataRoot.resolve(keyspace);
        for (int attempt = 0; attempt < 30; attempt++) {
            Thread.sleep(2000);
            long data = sizeOf(tableDirParent, "-Data.db");
            if (data > 0) {
                Thread.sleep(4000);
                data = sizeOf(tableDirParent, "-Data.db");
                long all = sizeOf(tableDirParent, "");
                System.out.printf("sstables       Data.db of aggregates_by_metric: %d bytes for %d points"
                    + " = %.3f B/point; "
                    + "all sstable components: %d bytes = %.3f B/point%n", data, points, (double) data / points,
                    all, (double) all / points);
                return;
            }
        }
        System.out.println("sstables       no Data.db appeared under " + tableDirParent.toAbsolutePath());
    }

    private static long sizeOf(Path keyspaceDir, String suffix) throws IOException {
        if (!Files.isDirectory(keyspaceDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(keyspaceDir)) {
            List<Path> matching = files
                .filter(p -> p.getParent().getFileName().toString().startsWith("aggregates_by_metric-"))
                .filter(p -> !p.toString().contains("snapshots") && !p.toString().contains("backups"))
                .filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .toList();
            long total = 0;
            for (Path p : matching) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
