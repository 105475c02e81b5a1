package org.polenta.service.listener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-node Cassandra of the test's own, started as a child process the way bin/polenta starts its local node
 * (same jars under var/cassandra/lib, same config/cassandra settings), for tests that must stop and restart the
 * database: the shared test node is never touched. Ports: POLENTA_TEST_OUTAGE_CASSANDRA_PORT (CQL, default 9342)
 * and POLENTA_TEST_OUTAGE_CASSANDRA_STORAGE_PORT (default 7342); data in var/cassandra/outage-*, removed on close.
 */
final class DedicatedCassandra implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LIB = ROOT.resolve("var/cassandra/lib");

    final int port = Integer.parseInt(env("POLENTA_TEST_OUTAGE_CASSANDRA_PORT", "9342"));
    private final int storagePort = Integer.parseInt(env("POLENTA_TEST_OUTAGE_CASSANDRA_STORAGE_PORT", "7342"));
    private final Path dir = ROOT.resolve("var/cassandra/outage-" + UUID.randomUUID().toString().substring(0, 8));
    private Process process;

    DedicatedCassandra() throws IOException, InterruptedException {
        if (open(port)) {
            throw new IllegalStateException("port " + port + " is taken; set POLENTA_TEST_OUTAGE_CASSANDRA_PORT");
        }
        fetchJarsIfMissing();
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("run/logs"));
        String yaml = Files.readString(ROOT.resolve("config/cassandra/cassandra.yaml"))
                .replace("@PORT@", Integer.toString(port)).replace("@STORAGE_PORT@", Integer.toString(storagePort));
        Files.writeString(dir.resolve("conf/cassandra.yaml"), yaml);
        Files.copy(ROOT.resolve("config/cassandra/logback.xml"), dir.resolve("conf/logback.xml"));
    }

    String contactPoint() {
        return "127.0.0.1:" + port;
    }

    /** Starts the node (again, on the same data after {@link #kill()}) and waits for its CQL port. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms512M", "-Xmx512M",
                "@" + ROOT.resolve("config/cassandra/jvm17.args"),
                "-javaagent:" + LIB.resolve("jamm-0.4.0.jar"),
                "-Dcassandra-foreground=yes",
                "-Dcassandra.config=file://" + dir.resolve("conf/cassandra.yaml"),
                "-Dlogback.configurationFile=" + dir.resolve("conf/logback.xml"),
                "-Dcassandra.storagedir=" + dir.resolve("run"),
                "-Dcassandra.logdir=" + dir.resolve("run/logs"),
                "-Dcassandra.triggers_dir=" + dir.resolve("conf"),
                "-cp", dir.resolve("conf") + ":" + LIB + "/*",
                "org.apache.cassandra.service.CassandraDaemon"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("run/logs/stdout.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!open(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Cassandra died; see " + dir.resolve("run/logs"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cassandra did not open " + port + " in 300 s; see " + dir);
            }
            Thread.sleep(500);
        }
    }

    /** Kills the node outright (SIGKILL): what an acknowledged write survives is what was durable. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            process = null;
        }
        while (open(port)) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        kill();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static boolean open(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** bin/polenta fetches them before any test run; a lone mvn run fetches them the same way. */
    private static void fetchJarsIfMissing() throws IOException, InterruptedException {
        if (Files.exists(LIB.resolve(".complete"))) {
            return;
        }
        Process mvn = new ProcessBuilder("mvn", "-q", "-B", "dependency:copy-dependencies",
                "-DoutputDirectory=" + LIB, "-DincludeScope=runtime")
                .directory(ROOT.resolve("storage-cassandra/local-node").toFile()).redirectErrorStream(true).start();
        String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mvn.waitFor() != 0) {
            throw new IOException("fetching the Cassandra jars failed: " + output);
        }
        Files.createFile(LIB.resolve(".complete"));
    }

    private static String javaBinary() {
        // Cassandra 5.0.6 runs on Java 17 (not 21+), which is also what the tests run on.
        for (String candidate : new String[] {"/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                System.getProperty("java.home") + "/bin/java"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("no java binary for Cassandra"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
