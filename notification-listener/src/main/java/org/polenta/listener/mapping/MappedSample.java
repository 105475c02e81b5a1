package org.polenta.listener.mapping;

import java.util.Map;

/**
 * A sample ready to be stored: which resource, which metric, which point.
 *
 * @param resourceId         the id Ceilometer's publisher addresses the resource with (sample id, '/' → '_');
 *                           Gnocchi turns non-UUID ids into UUID5 with the creator, which storage does
 * @param originalResourceId the sample's resource_id exactly as it came off the bus
 * @param attributes         resource attributes from this sample (nulls left out), in declaration order
 * @param timestamp          the sample's timestamp text, as Ceilometer would pass it to Gnocchi
 * @param messageId          the sample's message_id: the key that makes storing it twice harmless
 */
public record MappedSample(
        String resourceType,
        String resourceId,
        String originalResourceId,
        String userId,
        String projectId,
        Map<String, Object> attributes,
        String metricName,
        String unit,
        String archivePolicy,
        long timestampNanos,
        String timestamp,
        double value,
        String messageId) {
}
