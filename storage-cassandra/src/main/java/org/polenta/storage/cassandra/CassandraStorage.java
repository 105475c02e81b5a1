package org.polenta.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.polenta.core.aggregates.AggregateStore;
import org.polenta.core.aggregates.RawPointStore;
import org.polenta.core.aggregates.RunOutputStore;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.archive.ArchivePolicyRuleRepository;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.processor.SackLeases;
import org.polenta.core.processor.SackTenures;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.storage.cassandra.cql.Cql;
import org.polenta.storage.cassandra.cql.CqlScript;
import org.polenta.storage.cassandra.cql.SchemaMigrator;
import org.polenta.storage.cassandra.incoming.CassandraIncomingMeasures;
import org.polenta.storage.cassandra.incoming.IncomingMeasuresMove;
import org.polenta.storage.cassandra.index.CassandraArchivePolicyRepository;
import org.polenta.storage.cassandra.index.CassandraArchivePolicyRuleRepository;
import org.polenta.storage.cassandra.index.CassandraMetricRepository;
import org.polenta.storage.cassandra.leases.CassandraSackLeases;
import org.polenta.storage.cassandra.points.AggregatesMove;
import org.polenta.storage.cassandra.points.CassandraAggregateStore;
import org.polenta.storage.cassandra.points.CassandraRawPointStore;
import org.polenta.storage.cassandra.points.CassandraRunOutputStore;
import org.polenta.storage.cassandra.points.HeldStateCache;
import org.polenta.storage.cassandra.resource.CassandraResourceRepository;
import org.polenta.storage.cassandra.resource.CassandraResourceTypeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything Polenta keeps, in one Cassandra keyspace, behind core's storage interfaces. */
public final class CassandraStorage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraStorage.class);

    private static final long CLOSE_GRACE_SECONDS = 10;

    /**
     * How often the backlog an earlier version left behind is looked for again, in case a process of that version
     * was still writing it when this one started.
     */
    private static final long INCOMING_MOVE_PERIOD_SECONDS = 60;

    /** Unquoted CQL identifiers: the keyspace name is pasted into statements, so nothing else is accepted. */
    private static final Pattern KEYSPACE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    private final CqlSession session;
    private final Cql cql;
    private final ArchivePolicyRepository archivePolicies;
    private final ArchivePolicyRuleRepository archivePolicyRules;
    private final MetricRepository metrics;
    private final IncomingMeasures incoming;
    private final RawPointStore rawPoints;
    private final AggregateStore aggregates;
    private final RunOutputStore runOutput;
    private final SackLeases sackLeases;
    private final SackTenures sackTenures;
    private final CassandraResourceRepository resources;
    private final ResourceTypeRepository resourceTypes;
    private final String healthQuery;
    private final String keyspace;
    private final IncomingMeasuresMove incomingMove;
    private final ScheduledExecutorService incomingMoves;

    private CassandraStorage(CqlSession session, CassandraStorageConfig config, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
        this.cql = new Cql(session, keyspace, config.getReadConsistency(), config.getWriteConsistency(),
            Duration.ofSeconds(config.getRequestTimeoutSeconds()));
        this.archivePolicies = new CassandraArchivePolicyRepository(cql);
        this.archivePolicyRules = new CassandraArchivePolicyRuleRepository(cql);
        this.metrics = new CassandraMetricRepository(cql);
        this.incoming = new CassandraIncomingMeasures(cql, config.getSacks());
        this.sackTenures = new SackTenures(config.getSacks(), System::currentTimeMillis);
        HeldStateCache cache = new HeldStateCache(sackTenures, incoming::sackOf, config.getHeldStateCacheBytes(),
            System::currentTimeMillis);
        CassandraRawPointStore rawPointStore = new CassandraRawPointStore(cql, config.getRawRetentionSeconds(), cache);
        CassandraAggregateStore aggregateStore = new CassandraAggregateStore(cql, cache);
        this.rawPoints = rawPointStore;
        this.aggregates = aggregateStore;
        this.runOutput = new CassandraRunOutputStore(cql, aggregateStore, rawPointStore);
        this.sackLeases = new CassandraSackLeases(cql);
        this.resources = new CassandraResourceRepository(cql);
        this.resourceTypes = new CassandraResourceTypeRepository(cql, resources);
        this.healthQuery = CqlScript.load("queries/schema.cql", Map.of("keyspace", keyspace)).statement("health");
        this.incomingMove = new IncomingMeasuresMove(cql, incoming);
        this.incomingMoves = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "incoming-move");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Copies the aggregates an earlier version wrote to the old table, once per keyspace and before anything is
     * served (see {@link AggregatesMove}); moves what it left in the old backlog table now, so that processing sees
     * it from the start, and then every {@link #INCOMING_MOVE_PERIOD_SECONDS} in the background.
     */
    private void runDataMoves() {
        long startedAt = System.nanoTime();
        long copied = new AggregatesMove(cql).moveIfNeeded();
        if (copied > 0) {
            LOG.info("copied {} aggregate splits from aggregates to aggregates_by_metric in {} ms", copied,
                (System.nanoTime() - startedAt) / 1_000_000);
        }
        moveOldIncoming();
        incomingMoves.scheduleWithFixedDelay(this::moveOldIncoming, INCOMING_MOVE_PERIOD_SECONDS,
            INCOMING_MOVE_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void moveOldIncoming() {
        try {
            long moved = incomingMove.moveAll();
            if (moved > 0) {
                LOG.info("moved {} backlog rows from incoming_measures to incoming_by_shard", moved);
            }
        } catch (RuntimeException e) {
            LOG.warn("moving backlog rows from incoming_measures failed; trying again in {} s: {}",
                INCOMING_MOVE_PERIOD_SECONDS, e.toString());
        }
    }

    /** Connects, drops stale keyspaces if configured, brings the schema up to date and prepares the statements. */
    public static CassandraStorage open(CassandraStorageConfig config) {
        String keyspace = config.getKeyspace().toLowerCase();
        if (!KEYSPACE_NAME.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("invalid keyspace name: " + config.getKeyspace());
        }
        Duration schemaTimeout = Duration.ofSeconds(config.getSchemaTimeoutSeconds());
        CqlSession session = connect(config, keyspace, schemaTimeout);
        try {
            SchemaMigrator migrator = new SchemaMigrator(session, keyspace, config.getReplication(), schemaTimeout);
            if (config.getDropKeyspacesWithPrefix() != null && !config.getDropKeyspacesWithPrefix().isEmpty()) {
                migrator.dropKeyspacesWithPrefix(config.getDropKeyspacesWithPrefix());
            }
            migrator.migrate();
            CassandraStorage storage = new CassandraStorage(session, config, keyspace);
            storage.runDataMoves();
            return storage;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static CqlSession connect(CassandraStorageConfig config, String keyspace, Duration schemaTimeout) {
        DriverConfigLoader loader = DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(config.getRequestTimeoutSeconds()))
            // DDL and the first connection are slow on a small, busy node: they get the schema timeout.
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, schemaTimeout)
            .withDuration(DefaultDriverOption.CONNECTION_SET_KEYSPACE_TIMEOUT, schemaTimeout)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, schemaTimeout)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, schemaTimeout)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, schemaTimeout)
            // Protocol v5 adds a "contentions" count to CAS write-timeout errors; under contention Cassandra 5.0.6
            // answered some without it, the driver read past the frame and closed the connection (seen in the
            // concurrent-update contract test). v4 carries the same LWT semantics without that field.
            .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
            // Only our keyspace's schema metadata is of interest; test nodes hold many keyspaces.
            .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(keyspace))
            // A DDL statement completes only after the metadata refresh it triggers, and refreshes wait out a
            // debounce window (1 s by default): a keyspace's ~35 statements took 35 s. Migrations run them one
            // by one, so there is nothing to coalesce.
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10))
            // Concurrent API requests each fan out up to BoundedAsync's bound; past the pool's stream limit the
            // driver fails requests ("no connection was available", a 503). Two connections of 2048 streams each
            // carry 4x the default. (A queueing throttler was tried; a service then hung on shutdown waiting for
            // requests that never completed, so overload fails fast instead.)
            .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 2)
            .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048)
            .build();
        var builder = CqlSession.builder()
            .withConfigLoader(loader)
            .withLocalDatacenter(config.getLocalDatacenter());
        for (String contactPoint : config.getContactPoints()) {
            builder.addContactPoint(parseAddress(contactPoint));
        }
        return builder.build();
    }

    static InetSocketAddress parseAddress(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress(hostAndPort, 9042);
        }
        String host = hostAndPort.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /**
     * Whoever holds sack leases for this instance's processors reports them here: within a tenure, the point
     * stores read back what they wrote from memory.
     */
    public SackTenures sackTenures() {
        return sackTenures;
    }

    public ArchivePolicyRepository archivePolicies() {
        return archivePolicies;
    }

    public ArchivePolicyRuleRepository archivePolicyRules() {
        return archivePolicyRules;
    }

    public MetricRepository metrics() {
        return metrics;
    }

    public IncomingMeasures incoming() {
        return incoming;
    }

    public RawPointStore rawPoints() {
        return rawPoints;
    }

    public AggregateStore aggregates() {
        return aggregates;
    }

    /** Where processing runs store their output: aggregates and raw points in one mutation when they fit. */
    public RunOutputStore runOutput() {
        return runOutput;
    }

    public SackLeases sackLeases() {
        return sackLeases;
    }

    /** The resource index: current versions, history, search. */
    public ResourceRepository resources() {
        return resources;
    }

    /** Resource types, "generic" included; attribute changes rewrite the resources of {@link #resources()}. */
    public ResourceTypeRepository resourceTypes() {
        return resourceTypes;
    }

    /** The session, for modules that keep more in this keyspace (the resource index). */
    public CqlSession session() {
        return session;
    }

    /** The keyspace name as Cassandra knows it (lower case). */
    public String keyspace() {
        return keyspace;
    }

    /** A cheap query against the local node, for the health check. */
    public boolean isHealthy() {
        try {
            return session.execute(healthQuery).one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Waits a bounded time for requests in flight, then closes the connections regardless: a stop must not hang
     * on a request that will never complete.
     */
    @Override
    public void close() {
        incomingMoves.shutdownNow();
        try {
            session.closeAsync().toCompletableFuture().get(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            session.forceCloseAsync();
        } catch (InterruptedException e) {
            session.forceCloseAsync();
            Thread.currentThread().interrupt();
        }
    }
}
