package org.polenta.listener.store;

import java.util.UUID;

import org.polenta.core.resource.ResourceIds;

/**
 * The id of the metric a resource's named metric gets when the listener creates it: a name-based UUID of
 * (resource, metric name). Two listeners (or two consumers of one listener) that see a new resource at the same
 * time therefore create the same metric, not two, and a write repeated after a crash finds the metric it made.
 */
final class ListenerMetricIds {

    /** Fixed for ever: changing it would make the listener create new metrics for every existing resource. */
    private static final UUID NAMESPACE = UUID.fromString("6f1c2b7e-41d4-4a53-9a1e-5d0a7c3e9b21");

    private ListenerMetricIds() {
    }

    static UUID of(UUID resourceId, String metricName) {
        return ResourceIds.uuid5(NAMESPACE, resourceId + "\u0000" + metricName);
    }
}
