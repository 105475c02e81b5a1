package org.polenta.listener.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import org.polenta.listener.sample.OsloMessage;
import org.polenta.listener.sample.Sample;

/**
 * Files Ceilometer samples the way Ceilometer's gnocchi:// publisher does: which resource type and resource id,
 * which attributes, which metric and archive policy. Loaded from config/ceilometer-resources.yaml by
 * {@link MeterMappingReader}.
 */
public final class MeterMapping {

    private final Map<String, ArchivePolicyDefinition> archivePolicies;
    private final Map<String, ResourceTypeMapping> resourceTypes;
    private final Map<String, String> idReplacements;
    private final Set<String> filteredProjects;
    private final UnknownMeters unknownMeters;
    private final Map<String, ResourceTypeMapping> typeByMeter = new LinkedHashMap<>();

    MeterMapping(Map<String, ArchivePolicyDefinition> archivePolicies, Map<String, ResourceTypeMapping> resourceTypes,
                 Map<String, String> idReplacements, Set<String> filteredProjects, UnknownMeters unknownMeters) {
        this.archivePolicies = Map.copyOf(archivePolicies);
        this.resourceTypes = resourceTypes;
        this.idReplacements = idReplacements;
        this.filteredProjects = Set.copyOf(filteredProjects);
        this.unknownMeters = unknownMeters;
        for (ResourceTypeMapping type : resourceTypes.values()) {
            for (String meter : type.metrics().keySet()) {
                ResourceTypeMapping previous = typeByMeter.putIfAbsent(meter, type);
                if (previous != null) {
                    throw new IllegalArgumentException("meter " + meter + " is mapped by both " + previous.name()
                            + " and " + type.name());
                }
            }
        }
    }

    public Map<String, ArchivePolicyDefinition> archivePolicies() {
        return archivePolicies;
    }

    /** In the order of the file. */
    public Map<String, ResourceTypeMapping> resourceTypes() {
        return resourceTypes;
    }

    public UnknownMeters unknownMeters() {
        return unknownMeters;
    }

    public Set<String> filteredProjects() {
        return filteredProjects;
    }

    /** The same mapping with another list of filtered project ids (e.g. from the service's own configuration). */
    public MeterMapping withFilteredProjects(Set<String> projectIds) {
        return new MeterMapping(archivePolicies, resourceTypes, idReplacements, projectIds, unknownMeters);
    }

    /** The resource id as Ceilometer's publisher sends it: Gnocchi refuses '/', so it is replaced first. */
    public String resourceId(String originalId) {
        String id = originalId;
        for (Map.Entry<String, String> replacement : idReplacements.entrySet()) {
            id = id.replace(replacement.getKey(), replacement.getValue());
        }
        return id;
    }

    public SampleMapping map(Sample sample) {
        ResourceTypeMapping type = typeByMeter.get(sample.counterName());
        if (isFiltered(sample, type)) {
            return SampleMapping.skip(SkipReason.FILTERED_PROJECT);
        }
        String resourceId = resourceId(sample.resourceId());
        if (type == null) {
            if (unknownMeters.action() == UnknownMeters.Action.SKIP) {
                return SampleMapping.skip(SkipReason.UNKNOWN_METER);
            }
            return SampleMapping.of(mapped(sample, unknownMeters.resourceType(), resourceId, Map.of(),
                    sample.counterName(), unknownMeters.archivePolicy()));
        }
        MetricMapping metric = type.metrics().get(sample.counterName());
        return SampleMapping.of(mapped(sample, type.name(), resourceId, attributes(type, sample, resourceId),
                metric.metricName(), metric.archivePolicy()));
    }

    /** The resource a lifecycle notification ends, if it is one of the configured ending events. */
    public Optional<ResourceEnding> ending(OsloMessage message) throws MissingResourceIdException {
        for (ResourceTypeMapping type : resourceTypes.values()) {
            for (ResourceEndingRule rule : type.endedBy()) {
                if (rule.matches(message.eventType())) {
                    return Optional.of(ending(message, type, rule));
                }
            }
        }
        return Optional.empty();
    }

    /** Thrown when a notification matches an ending rule but carries none of the rule's id fields. */
    public static final class MissingResourceIdException extends Exception {
        MissingResourceIdException(String message) {
            super(message);
        }
    }

    private static ResourceEnding ending(OsloMessage message, ResourceTypeMapping type, ResourceEndingRule rule)
            throws MissingResourceIdException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("payload", message.payload());
        root.put("ctxt", message.context());
        Object id = MetadataPath.firstPresent(rule.idFrom(), root);
        if (!(id instanceof String text) || text.isEmpty()) {
            throw new MissingResourceIdException(message.eventType() + " has no resource id at " + rule.idFrom());
        }
        return new ResourceEnding(type.name(), text.replace("/", "_"), text, message.timestampNanos(),
                rule.alsoEnd(), message.eventType(), message.messageId());
    }

    private boolean isFiltered(Sample sample, ResourceTypeMapping type) {
        if (filteredProjects.isEmpty()) {
            return false;
        }
        return (sample.projectId() != null && filteredProjects.contains(sample.projectId()))
                || (type != null && type.projectScoped() && filteredProjects.contains(sample.resourceId()));
    }

    private static Map<String, Object> attributes(ResourceTypeMapping type, Sample sample, String resourceId) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Matcher idParts = type.idPattern() == null ? null : type.idPattern().matcher(resourceId);
        boolean idMatched = idParts != null && idParts.matches();
        for (AttributeMapping attribute : type.attributes().values()) {
            Object value = MetadataPath.firstPresent(attribute.from(), sample.resourceMetadata());
            if (value == null && idMatched && attribute.idGroup() != null) {
                value = idParts.group(attribute.idGroup());
            }
            if (value != null) {
                attributes.put(attribute.name(), value);
            }
        }
        return attributes;
    }

    private static MappedSample mapped(Sample sample, String resourceType, String resourceId,
                                       Map<String, Object> attributes, String metricName, String archivePolicy) {
        return new MappedSample(resourceType, resourceId, sample.resourceId(), sample.userId(), sample.projectId(),
                attributes, metricName, sample.counterUnit(), archivePolicy, sample.timestampNanos(),
                sample.timestamp(), sample.value(), sample.messageId());
    }

    /** Every meter a resource type claims, for listing and checks. */
    public List<String> meters() {
        return List.copyOf(typeByMeter.keySet());
    }
}
