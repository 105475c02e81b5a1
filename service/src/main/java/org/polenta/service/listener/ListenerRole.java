package org.polenta.service.listener;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.IntConsumer;
import org.polenta.listener.amqp.NotificationListener;
import org.polenta.listener.mapping.MeterMapping;
import org.polenta.listener.mapping.MeterMappingReader;
import org.polenta.listener.store.ArchivePolicyInstaller;
import org.polenta.listener.store.RepositorySampleSink;
import org.polenta.listener.store.ResourceTypeInstaller;
import org.polenta.service.config.ListenerSettings;
import org.polenta.storage.cassandra.CassandraStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification listener as a role of the service: in the background, so that the API serves even while the
 * broker is unreachable, it installs what ceilometer-upgrade would (the Ceilometer archive policies and resource
 * types), then connects to RabbitMQ and keeps trying until it can; the listener's counters go to the service's metrics registry
 * (polenta.listener.*, on the admin port's /metrics).
 */
public final class ListenerRole implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerRole.class);

    private final ListenerSettings settings;
    private final MeterMapping mapping;
    private final CassandraStorage storage;
    private final NotificationListener listener;
    private final RepositorySampleSink sink;
    private Thread starter;

    public ListenerRole(ListenerSettings settings, Path mappingFile, CassandraStorage storage, IntConsumer sackWritten,
                        MetricRegistry registry) throws IOException {
        this.settings = settings;
        MeterMapping read = MeterMappingReader.read(mappingFile);
        this.mapping = settings.filterProjectIds.isEmpty() ? read : read.withFilteredProjects(settings.filterProjects());
        this.storage = storage;
        this.sink = new RepositorySampleSink(storage.resources(), storage.resourceTypes(), storage.metrics(),
                storage.incoming(), settings.creator, Clock.systemUTC(), sackWritten, settings.filingThreads);
        this.listener = new NotificationListener(settings.toListenerConfig(), mapping, sink, registry);
    }

    public NotificationListener listener() {
        return listener;
    }

    /** For /admin/healthcheck: unhealthy while RabbitMQ is unreachable (the API itself still serves). */
    public HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            protected Result check() {
                return listener.isConnected() ? Result.healthy()
                        : Result.unhealthy("not connected to RabbitMQ at " + settings.host + ":" + settings.port);
            }
        };
    }

    @Override
    public void start() {
        starter = new Thread(this::installThenListen, "polenta-listener-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Nothing is consumed before the policies and types exist: a sample whose type is missing would be refused,
     * i.e. acknowledged and dropped. Each attempt is a single try (ListenerSettings gives the listener no startup
     * timeout), repeated every reconnectMillis; only the first failure is logged, as one line, so that a machine
     * without RabbitMQ gets one clear message instead of a warning every few seconds for as long as it runs.
     */
    private void installThenListen() {
        boolean installed = false;
        boolean reported = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!installed) {
                    new ArchivePolicyInstaller(storage.archivePolicies()).install(mapping.archivePolicies());
                    new ResourceTypeInstaller(storage.resourceTypes()).install(mapping.resourceTypes());
                    installed = true;
                }
                listener.start();
                if (reported) {
                    LOG.info("notification listener connected to RabbitMQ at {}:{}", settings.host, settings.port);
                }
                return;
            } catch (IOException | RuntimeException e) {
                listener.close();
                if (!reported) {
                    LOG.warn(StartFailure.describe(installed, settings, e));
                    reported = true;
                } else {
                    LOG.debug("notification listener still not started: {}", e.toString());
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(settings.reconnectMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (starter != null) {
            starter.interrupt();
            starter.join(10_000);
        }
        listener.close();
        sink.close();
    }
}
