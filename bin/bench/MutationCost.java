/*
 * What a write costs the local Cassandra, in server CPU: per request, per partition written, per row.
 *
 *   java -cp service/target/polenta-service.jar bin/bench/MutationCost.java PORT CASSANDRA_PID [REQUESTS]
 *
 * Every figure in issues 2 and 5 comes down to how many partitions a run writes, so this measures the shapes
 * Polenta uses: one row per request (a backlog row of the HTTP path), many rows of one partition in one unlogged
 * batch (a listener round's rows of one sack, a run's raw blocks), as many partitions as rows in one batch
 * (what a multi-partition batch would save, or not), and three tables under one key, as three requests or as one
 * batch (a processing run's splits, raw blocks and newest timestamp: CassandraRunOutputStore). Each shape runs twice, 64 requests in flight, and only the
 * second round is reported: the first warms both JVMs. The CPU is the Cassandra process's user + system time
 * (/proc/PID/stat) over the round, so run it on an otherwise idle node. Prints one JSON line per shape and drops
 * its keyspace at the end.
 */
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import org.slf4j.LoggerFactory;

public class MutationCost {

    private static final int IN_FLIGHT = 64;
    private static final int PARTITIONS = 100_000;
    private static final int BLOB_BYTES = 1_000;

    public static void main(String[] args) throws Exception {
        // The service jar's logback has no configuration here and would log the driver at DEBUG.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
            // The multi-partition shape draws Cassandra's "unlogged batch covering 50 partitions" warning.
            .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false).build();
        try (CqlSession session = CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", port))
                .withLocalDatacenter("datacenter1").withConfigLoader(config).build()) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS polenta_mutation_cost"
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS polenta_mutation_cost.t (p int, c int, v blob, PRIMARY KEY (p, c))");
            session.execute("CREATE TABLE IF NOT EXISTS polenta_mutation_cost.t2 (p int, c int, v blob, PRIMARY KEY (p, c))");
            session.execute("CREATE TABLE IF NOT EXISTS polenta_mutation_cost.t3 (p int PRIMARY KEY, v bigint)");
            PreparedStatement insert = session.prepare("INSERT INTO polenta_mutation_cost.t (p, c, v) VALUES (?, ?, ?)");
            PreparedStatement insert2 = session.prepare("INSERT INTO polenta_mutation_cost.t2 (p, c, v) VALUES (?, ?, ?)");
            PreparedStatement insert3 = session.prepare("INSERT INTO polenta_mutation_cost.t3 (p, v) VALUES (?, ?)");
            PreparedStatement select = session.prepare("SELECT c, v FROM polenta_mutation_cost.t WHERE p = ? AND c = ?");
            byte[] bytes = new byte[BLOB_BYTES];
            new Random(42).nextBytes(bytes);
            ByteBuffer blob = ByteBuffer.wrap(bytes);

            measure(session, pid, "one row a request", requests, 1, 1,
                i -> insert.bind(partition(i), 0, blob));
            measure(session, pid, "50 rows of one partition a request", requests / 20, 50, 1,
                i -> batch(50, r -> insert.bind(partition(i), r, blob)));
            measure(session, pid, "50 rows of 50 partitions a request", requests / 20, 50, 50,
                i -> batch(50, r -> insert.bind(partition(i * 50 + r), 0, blob)));
            // A processing run writes three tables under one metric id: as three requests, or as one batch, which
            // Cassandra applies as one mutation (one commit-log entry) since every statement has the same key.
            measure(session, pid, "3 tables of one key, a request each", requests, 1, 1,
                i -> switch (i % 3) {
                    case 0 -> insert.bind(partition(i / 3), 0, blob);
                    case 1 -> insert2.bind(partition(i / 3), 0, blob);
                    default -> insert3.bind(partition(i / 3), (long) i);
                });
            measure(session, pid, "3 tables of one key in one batch", requests / 3, 3, 1,
                i -> BatchStatement.newInstance(DefaultBatchType.UNLOGGED, insert.bind(partition(i), 0, blob),
                    insert2.bind(partition(i), 0, blob), insert3.bind(partition(i), (long) i)));
            measure(session, pid, "read of one row", requests, 1, 1,
                i -> select.bind(partition(i), 0));
            session.execute("DROP KEYSPACE polenta_mutation_cost");
        }
    }

    private static int partition(int i) {
        return Math.floorMod(i * 7919, PARTITIONS);
    }

    private static Statement<?> batch(int rows, IntFunction<BatchableStatement<?>> row) {
        BatchStatementBuilder b = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        for (int r = 0; r < rows; r++) {
            b.addStatement(row.apply(r));
        }
        return b.build();
    }

    private static void measure(CqlSession session, long pid, String shape, int requests, int rowsPerRequest,
                                int partitionsPerRequest, IntFunction<Statement<?>> request) throws Exception {
        double cpu = 0;
        double seconds = 0;
        for (int round = 0; round < 2; round++) {
            double cpuBefore = cpuSeconds(pid);
            long start = System.nanoTime();
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            for (int i = 0; i < requests; i++) {
                inFlight.acquire();
                session.executeAsync(request.apply(round * requests + i)).whenComplete((rs, e) -> {
                    if (e != null) {
                        System.err.println(shape + ": " + e);
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(IN_FLIGHT);
            seconds = (System.nanoTime() - start) / 1e9;
            cpu = cpuSeconds(pid) - cpuBefore;
        }
        System.out.printf(
            "{\"shape\": \"%s\", \"requests\": %d, \"rows_per_request\": %d, \"partitions_per_request\": %d,"
                + " \"seconds\": %.2f, \"cassandra_cpu_s\": %.2f, \"us_per_request\": %.0f,"
                + " \"us_per_partition\": %.0f, \"us_per_row\": %.1f}%n",
            shape, requests, rowsPerRequest, partitionsPerRequest, seconds, cpu, cpu * 1e6 / requests,
            cpu * 1e6 / requests / partitionsPerRequest, cpu * 1e6 / requests / rowsPerRequest);
    }

    /** User + system CPU of the process, from /proc/PID/stat (in clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }
}
