package org.polenta.listener.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polenta.listener.mapping.MappedSample;

/**
 * What a batch's samples say about one resource, merged as Ceilometer's publisher merges them: the first sample
 * fixes the type, user and project; attributes of every sample are merged, later samples winning.
 *
 * @param resourceId the id as the publisher sends it (after the '/' replacement), not yet a UUID
 * @param metrics    metric name to what a new metric of that name is created with
 */
record ResourceRequest(String type, String resourceId, String originalResourceId, String userId, String projectId,
                       Map<String, Object> attributes, Map<String, NewMetric> metrics) {

    record NewMetric(String name, String unit, String archivePolicy) {
    }

    /** @param samples every sample of one resource id, in arrival order; not empty */
    static ResourceRequest of(List<MappedSample> samples) {
        MappedSample first = samples.get(0);
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, NewMetric> metrics = new LinkedHashMap<>();
        for (MappedSample sample : samples) {
            attributes.putAll(sample.attributes());
            metrics.putIfAbsent(sample.metricName(),
                    new NewMetric(sample.metricName(), sample.unit(), sample.archivePolicy()));
        }
        return new ResourceRequest(first.resourceType(), first.resourceId(), first.originalResourceId(),
                first.userId(), first.projectId(), attributes, metrics);
    }
}
