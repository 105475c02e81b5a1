package org.polenta.listener.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.resource.ResourceRepository;
import org.polenta.core.resource.type.ResourceTypeRepository;
import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.sink.SampleSink;
import org.polenta.listener.sink.StoreOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's sink over core's storage contracts: resources and metrics through the index repositories, points
 * into the backlog (IncomingMeasures), where the service's processors aggregate them like points POSTed to the
 * API, one batch per metric per storage round keyed by its samples' message_ids ({@link MetricBatches}): a
 * redelivered round rewrites the same backlog rows, and if those were already processed, or the redelivery is
 * grouped otherwise, re-processing lays the same values over the same timestamps, which changes no aggregate.
 * Thread-safe: the listener's consumers call it concurrently.
 */
public final class RepositorySampleSink implements SampleSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RepositorySampleSink.class);

    /** Resources remembered, and for how long: a deployment's active resources, refreshed every few minutes. */
    private static final int KNOWN_RESOURCES = 100_000;
    private static final long KNOWN_RESOURCES_TTL_MILLIS = 10 * 60_000L;
    private static final long TYPES_TTL_MILLIS = 60_000L;

    private final IncomingMeasures incoming;
    private final ResourceFiler filer;
    private final ResourceEnder ender;
    private final IntConsumer sackWritten;
    private final ExecutorService filing;

    /**
     * @param creator     who the listener creates resources and metrics as; it also keys non-UUID resource ids
     *                    (Gnocchi's uuid5 of id + creator), so it must be the user Ceilometer's publisher used
     *                    (e.g. "admin" with basic auth) for the listener to find the resources the publisher made
     * @param sackWritten told each sack that received points, to wake its processor early
     * @param filingThreads resources of a batch filed at once: first sight of a resource is several index round
     *                    trips, which would otherwise add up over a new deployment's thousands of resources
     */
    public RepositorySampleSink(ResourceRepository resources, ResourceTypeRepository resourceTypes,
                                MetricRepository metrics, IncomingMeasures incoming, String creator, Clock clock,
                                IntConsumer sackWritten, int filingThreads) {
        this.incoming = incoming;
        this.sackWritten = sackWritten;
        AtomicInteger threads = new AtomicInteger();
        this.filing = Executors.newFixedThreadPool(Math.max(1, filingThreads), task -> {
            Thread thread = new Thread(task, "polenta-listener-filing-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ResourceTypeLookup types = new ResourceTypeLookup(resourceTypes, TYPES_TTL_MILLIS, clock::millis);
        KnownResources known = new KnownResources(KNOWN_RESOURCES, KNOWN_RESOURCES_TTL_MILLIS, clock::millis);
        this.filer = new ResourceFiler(resources, types, new NamedMetricCreator(metrics, creator), known, creator, clock);
        this.ender = new ResourceEnder(resources, types, creator, clock);
    }

    @Override
    public StoreOutcome store(List<MappedSample> batch) {
        Map<String, List<MappedSample>> byResource = new LinkedHashMap<>();
        for (MappedSample sample : batch) {
            byResource.computeIfAbsent(sample.resourceId(), id -> new ArrayList<>()).add(sample);
        }
        List<ResourceRequest> requests = byResource.values().stream().map(ResourceRequest::of).toList();
        List<ResourceFiler.Filed> filed = fileAll(requests);
        MetricBatches points = new MetricBatches();
        int refused = 0;
        int r = 0;
        for (List<MappedSample> samples : byResource.values()) {
            ResourceRequest request = requests.get(r);
            ResourceFiler.Filed filing = filed.get(r++);
            if (filing.isRefused()) {
                refused += samples.size();
                LOG.warn("{} sample(s) of {} refused: {}", samples.size(), request.originalResourceId(), filing.refusal());
                continue;
            }
            for (MappedSample sample : samples) {
                UUID metricId = filing.metricIds().get(sample.metricName());
                points.add(metricId, sample.timestampNanos(), sample.value(), sample.messageId());
            }
        }
        List<KeyedBatch> batches = points.batches();
        incoming.addKeyed(batches);
        Set<Integer> sacks = new LinkedHashSet<>();
        batches.forEach(b -> sacks.add(incoming.sackOf(b.metricId())));
        sacks.forEach(sackWritten::accept);
        return new StoreOutcome(points.points(), refused);
    }

    /**
     * Files the resources concurrently and waits for all of them, so that none is still writing when a failed
     * batch is retried; the first failure is rethrown.
     */
    private List<ResourceFiler.Filed> fileAll(List<ResourceRequest> requests) {
        List<Future<ResourceFiler.Filed>> futures = new ArrayList<>(requests.size());
        for (ResourceRequest request : requests) {
            futures.add(filing.submit(() -> filer.file(request)));
        }
        List<ResourceFiler.Filed> filed = new ArrayList<>(requests.size());
        RuntimeException failure = null;
        for (Future<ResourceFiler.Filed> future : futures) {
            try {
                filed.add(future.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while filing resources", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return filed;
    }

    @Override
    public void close() {
        filing.shutdownNow();
    }

    @Override
    public void end(List<ResourceEnding> endings) {
        for (ResourceEnding ending : endings) {
            ender.end(ending);
        }
    }
}
