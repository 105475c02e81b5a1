package org.polenta.listener.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads config/ceilometer-resources.yaml (format described at the top of that file) and refuses anything it
 * does not understand, naming where: a typo in a mapping would otherwise silently misfile samples for ever.
 */
public final class MeterMappingReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("default_archive_policy", "archive_policies", "resource_id",
            "filter_project", "unknown_meters", "resource_types");
    private static final Set<String> TYPE_KEYS = Set.of("attributes", "metrics", "id_pattern", "ended_by",
            "project_scoped_resource");

    private MeterMappingReader() {
    }

    public static MeterMapping read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static MeterMapping read(InputStream in, String origin) throws IOException {
        Object root = YAML.readValue(in, Object.class);
        try {
            return build(map(root, "file"));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
    }

    private static MeterMapping build(Map<String, Object> root) {
        onlyKeys(root, TOP_KEYS, "top level");
        Map<String, ArchivePolicyDefinition> policies = archivePolicies(map(root.get("archive_policies"), "archive_policies"));
        String defaultPolicy = text(root.get("default_archive_policy"), "default_archive_policy");
        requirePolicy(policies, defaultPolicy, "default_archive_policy");

        Map<String, ResourceTypeMapping> types = new LinkedHashMap<>();
        map(root.get("resource_types"), "resource_types").forEach((name, body) ->
                types.put(name, resourceType(name, body == null ? Map.of() : map(body, name), defaultPolicy, policies)));

        Map<String, String> replacements = new LinkedHashMap<>();
        if (root.get("resource_id") != null) {
            Map<String, Object> resourceId = map(root.get("resource_id"), "resource_id");
            onlyKeys(resourceId, Set.of("replace"), "resource_id");
            map(resourceId.getOrDefault("replace", Map.of()), "resource_id.replace")
                    .forEach((from, to) -> replacements.put(from, text(to, "resource_id.replace." + from)));
        }

        Set<String> filtered = new LinkedHashSet<>();
        if (root.get("filter_project") != null) {
            Map<String, Object> filter = map(root.get("filter_project"), "filter_project");
            onlyKeys(filter, Set.of("project_ids"), "filter_project");
            texts(filter.getOrDefault("project_ids", List.of()), "filter_project.project_ids").forEach(filtered::add);
        }

        UnknownMeters unknown = unknownMeters(root.get("unknown_meters"), policies);
        return new MeterMapping(policies, types, replacements, filtered, unknown);
    }

    private static Map<String, ArchivePolicyDefinition> archivePolicies(Map<String, Object> raw) {
        Map<String, ArchivePolicyDefinition> policies = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            Map<String, Object> body = map(value, "archive_policies." + name);
            onlyKeys(body, Set.of("aggregation_methods", "back_window", "definition"), "archive_policies." + name);
            List<ArchivePolicyDefinition.Item> items = new ArrayList<>();
            for (Object item : list(body.get("definition"), name + ".definition")) {
                Map<String, Object> fields = map(item, name + ".definition[]");
                items.add(new ArchivePolicyDefinition.Item(text(fields.get("granularity"), name + ".granularity"),
                        text(fields.get("timespan"), name + ".timespan")));
            }
            Object backWindow = body.getOrDefault("back_window", 0);
            if (!(backWindow instanceof Integer window) || window < 0) {
                throw new IllegalArgumentException("archive_policies." + name + ".back_window must be a whole number >= 0");
            }
            policies.put(name, new ArchivePolicyDefinition(name,
                    texts(body.get("aggregation_methods"), name + ".aggregation_methods"), window, List.copyOf(items)));
        });
        return policies;
    }

    private static ResourceTypeMapping resourceType(String name, Map<String, Object> body, String defaultPolicy,
                                                    Map<String, ArchivePolicyDefinition> policies) {
        onlyKeys(body, TYPE_KEYS, "resource_types." + name);
        Pattern idPattern = null;
        if (body.get("id_pattern") != null) {
            try {
                idPattern = Pattern.compile(text(body.get("id_pattern"), name + ".id_pattern"));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(name + ".id_pattern: " + e.getDescription());
            }
        }
        Map<String, AttributeMapping> attributes = new LinkedHashMap<>();
        Map<String, Object> rawAttributes = body.get("attributes") == null ? Map.of() : map(body.get("attributes"), name + ".attributes");
        for (Map.Entry<String, Object> entry : rawAttributes.entrySet()) {
            attributes.put(entry.getKey(), attribute(name, entry.getKey(), map(entry.getValue(), name + "." + entry.getKey()), idPattern));
        }
        Map<String, MetricMapping> metrics = new LinkedHashMap<>();
        Map<String, Object> rawMetrics = body.get("metrics") == null ? Map.of() : map(body.get("metrics"), name + ".metrics");
        rawMetrics.forEach((meter, value) -> {
            Map<String, Object> options = value == null ? Map.of() : map(value, name + ".metrics." + meter);
            onlyKeys(options, Set.of("metric", "archive_policy"), name + ".metrics." + meter);
            String policy = options.get("archive_policy") == null ? defaultPolicy
                    : text(options.get("archive_policy"), meter + ".archive_policy");
            requirePolicy(policies, policy, name + ".metrics." + meter);
            String metric = options.get("metric") == null ? meter : text(options.get("metric"), meter + ".metric");
            metrics.put(meter, new MetricMapping(meter, metric, policy));
        });
        List<ResourceEndingRule> endings = new ArrayList<>();
        if (body.get("ended_by") != null) {
            for (Object rule : list(body.get("ended_by"), name + ".ended_by")) {
                endings.add(endingRule(name, map(rule, name + ".ended_by[]")));
            }
        }
        boolean projectScoped = Boolean.TRUE.equals(body.get("project_scoped_resource"));
        return new ResourceTypeMapping(name, attributes, idPattern, metrics, List.copyOf(endings), projectScoped);
    }

    private static AttributeMapping attribute(String type, String name, Map<String, Object> body, Pattern idPattern) {
        String where = type + ".attributes." + name;
        onlyKeys(body, Set.of("schema", "from", "id_group"), where);
        Map<String, Object> schema = map(body.get("schema"), where + ".schema");
        List<MetadataPath> from = new ArrayList<>();
        for (String path : texts(body.getOrDefault("from", List.of()), where + ".from")) {
            from.add(MetadataPath.parse(path));
        }
        String idGroup = body.get("id_group") == null ? null : text(body.get("id_group"), where + ".id_group");
        if (idGroup != null && (idPattern == null || !idPattern.pattern().contains("(?<" + idGroup + ">"))) {
            throw new IllegalArgumentException(where + ".id_group " + idGroup + " is not a group of " + type + ".id_pattern");
        }
        return new AttributeMapping(name, schema, List.copyOf(from), idGroup);
    }

    private static ResourceEndingRule endingRule(String type, Map<String, Object> body) {
        onlyKeys(body, Set.of("event_types", "id_from", "also_end"), type + ".ended_by");
        List<MetadataPath> idFrom = new ArrayList<>();
        for (String path : texts(body.get("id_from"), type + ".ended_by.id_from")) {
            idFrom.add(MetadataPath.parse(path));
        }
        Map<String, String> alsoEnd = new LinkedHashMap<>();
        if (body.get("also_end") != null) {
            map(body.get("also_end"), type + ".ended_by.also_end")
                    .forEach((other, attribute) -> alsoEnd.put(other, text(attribute, type + ".also_end." + other)));
        }
        return new ResourceEndingRule(texts(body.get("event_types"), type + ".ended_by.event_types"), List.copyOf(idFrom), alsoEnd);
    }

    private static UnknownMeters unknownMeters(Object raw, Map<String, ArchivePolicyDefinition> policies) {
        if (raw == null) {
            return new UnknownMeters(UnknownMeters.Action.SKIP, null, null);
        }
        Map<String, Object> body = map(raw, "unknown_meters");
        onlyKeys(body, Set.of("action", "resource_type", "archive_policy"), "unknown_meters");
        UnknownMeters.Action action;
        try {
            action = UnknownMeters.Action.valueOf(text(body.get("action"), "unknown_meters.action").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown_meters.action must be skip or map");
        }
        String type = body.get("resource_type") == null ? null : text(body.get("resource_type"), "unknown_meters.resource_type");
        String policy = body.get("archive_policy") == null ? null : text(body.get("archive_policy"), "unknown_meters.archive_policy");
        if (action == UnknownMeters.Action.MAP) {
            if (type == null || policy == null) {
                throw new IllegalArgumentException("unknown_meters: action map needs resource_type and archive_policy");
            }
            requirePolicy(policies, policy, "unknown_meters");
        }
        return new UnknownMeters(action, type, policy);
    }

    private static void requirePolicy(Map<String, ArchivePolicyDefinition> policies, String policy, String where) {
        if (!policies.containsKey(policy)) {
            throw new IllegalArgumentException(where + ": archive policy " + policy + " is not defined in archive_policies");
        }
    }

    private static void onlyKeys(Map<String, Object> body, Set<String> allowed, String where) {
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key " + key + " (allowed: " + allowed + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " must be a mapping");
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(where + " must be a list");
    }

    private static List<String> texts(Object value, String where) {
        List<String> texts = new ArrayList<>();
        for (Object item : list(value, where)) {
            texts.add(text(item, where + "[]"));
        }
        return List.copyOf(texts);
    }

    private static String text(Object value, String where) {
        if (value instanceof String text && !text.isEmpty()) {
            return text;
        }
        throw new IllegalArgumentException(where + " must be a non-empty string");
    }
}
