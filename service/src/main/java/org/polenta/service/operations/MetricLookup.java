package org.polenta.service.operations;

import java.util.Map;
import java.util.UUID;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.errors.NoSuchEntityException;
import org.polenta.core.metric.Metric;
import org.polenta.core.metric.MetricRepository;
import org.polenta.service.errors.ApiException;

/** Finds the metric a URL names, with Gnocchi's 404 for unknown and malformed ids alike. */
public final class MetricLookup {

    private final MetricRepository metrics;
    private final ArchivePolicyRepository policies;

    public MetricLookup(MetricRepository metrics, ArchivePolicyRepository policies) {
        this.metrics = metrics;
        this.policies = policies;
    }

    public Metric require(String id) {
        UUID uuid = parseUuid(id);
        if (uuid == null) {
            throw ApiException.notFound(notFoundMessage(id));
        }
        return metrics.get(uuid).orElseThrow(() -> ApiException.notFound(notFoundMessage(id)));
    }

    /** The archive policy of an existing metric (it cannot be deleted while a metric uses it). */
    public ArchivePolicy policyOf(Metric metric) {
        return policies.get(metric.archivePolicyName()).orElseThrow(() -> new NoSuchEntityException(
                "Archive policy " + metric.archivePolicyName() + " does not exist"));
    }

    /** Every archive policy by name, for listings that embed the policy of each metric. */
    public Map<String, ArchivePolicy> policiesByName() {
        Map<String, ArchivePolicy> byName = new java.util.HashMap<>();
        policies.list().forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    public static String notFoundMessage(String id) {
        return "Metric " + id + " does not exist";
    }

    /** A UUID in any of the spellings Python's uuid.UUID accepts (with or without dashes, braces, urn:uuid:). */
    public static UUID parseUuid(String text) {
        if (text == null) {
            return null;
        }
        String hex = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (hex.startsWith("urn:uuid:")) {
            hex = hex.substring(9);
        }
        hex = hex.replace("{", "").replace("}", "").replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
