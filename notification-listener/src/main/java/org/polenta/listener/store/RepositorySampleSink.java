package org.polenta.listener.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.polenta.core.incoming.BatchKeys;
import org.polenta.core.incoming.IncomingMeasures;
import org.polenta.core.incoming.KeyedBatch;
import org.polenta.core.incoming.Measure;
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
 * API. Each sample's point is a batch keyed by its message_id and timestamp ({@link BatchKeys}): a redelivered
 * message rewrites the same backlog rows, and if those were already processed, re-processing lays the same value
 * over the same timestamp, which changes no aggregate. Thread-safe: the listener's consumers call it concurrently.
 */
public final class RepositorySampleSink implements SampleSink {

    private static final Logger LOG = LoggerFactory.getLogger(RepositorySampleSink.class);

    /** Resources remembered, and for how long: a deployment's active resources, refreshed every few minutes. */
    private static final int KNOWN_RESOURCES = 100_000;
    private static final long KNOWN_RESOURCES_TTL_MILLIS = 10 * 60_000L;
    private static final long TYPES_TTL_MILLIS = 60_000L;

    private final IncomingMeasures incoming;
    private final ResourceFiler filer;
    private final ResourceEnder ender;
    private final IntConsumer sackWritten;

    /**
     * @param creator     who the listener creates resources and metrics as; it also keys non-UUID resource ids
     *                    (Gnocchi's uuid5 of id + creator), so it must be the user Ceilometer's publisher used
     *                    (e.g. "admin" with basic auth) for the listener to find the resources the publisher made
     * @param sackWritten told each sack that received points, to wake its processor early
     */
    public RepositorySampleSink(ResourceRepository resources, ResourceTypeRepository resourceTypes,
                                MetricRepository metrics, IncomingMeasures incoming, String creator, Clock clock,
                                IntConsumer sackWritten) {
        this.incoming = incoming;
        this.sackWritten = sackWritten;
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
        List<KeyedBatch> points = new ArrayList<>(batch.size());
        int refused = 0;
        for (List<MappedSample> samples : byResource.values()) {
            ResourceRequest request = ResourceRequest.of(samples);
            ResourceFiler.Filed filed = filer.file(request);
            if (filed.isRefused()) {
                refused += samples.size();
                LOG.warn("{} sample(s) of {} refused: {}", samples.size(), request.originalResourceId(), filed.refusal());
                continue;
            }
            for (MappedSample sample : samples) {
                UUID metricId = filed.metricIds().get(sample.metricName());
                points.add(new KeyedBatch(metricId, BatchKeys.of(sample.timestampNanos(), sample.messageId()),
                        List.of(new Measure(sample.timestampNanos(), sample.value()))));
            }
        }
        incoming.addKeyed(points);
        Set<Integer> sacks = new LinkedHashSet<>();
        points.forEach(p -> sacks.add(incoming.sackOf(p.metricId())));
        sacks.forEach(sackWritten::accept);
        return new StoreOutcome(points.size(), refused);
    }

    @Override
    public void end(List<ResourceEnding> endings) {
        for (ResourceEnding ending : endings) {
            ender.end(ending);
        }
    }
}
