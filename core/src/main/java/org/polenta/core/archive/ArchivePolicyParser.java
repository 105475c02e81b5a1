package org.polenta.core.archive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.time.Timespans;
import org.polenta.core.validation.IntCoercion;
import org.polenta.core.validation.SchemaViolation;
import org.polenta.core.validation.SchemaViolationException;

/**
 * Reads archive policy bodies (POST /v1/archive_policy and PATCH /v1/archive_policy/NAME) with Gnocchi's
 * validation and messages. Schema failures become
 * {@link org.polenta.core.errors.StructuredInvalidInputException} ({"cause": "Invalid input", "reason": ...,
 * "detail": [path]}); definitions that do not add up become a plain {@link InvalidInputException} whose message
 * is Gnocchi's ("timespan ≠ granularity × points", "Calculated number of points is < 0", ...).
 */
public final class ArchivePolicyParser {

    private static final Set<String> CREATE_KEYS = Set.of("name", "back_window", "aggregation_methods", "definition");
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private ArchivePolicyParser() {
    }

    /** A new policy from a creation body; the definition comes back sorted finest granularity first. */
    public static ArchivePolicy parse(Map<String, Object> body) {
        return parseBody(body);
    }

    /** Same as {@link #parse(Map)} for a body of any JSON type (a non-object body is "expected a dictionary"). */
    public static ArchivePolicy parseBody(Object body) {
        CreateFields fields;
        try {
            fields = validateCreate(body);
        } catch (SchemaViolationException e) {
            throw e.violation().toException();
        }
        List<ArchivePolicyItem> definition = ArchivePolicyDefinitions.complete(fields.definition);
        ArchivePolicyDefinitions.requireDistinctGranularities(definition);
        return new ArchivePolicy(fields.name, fields.backWindow, sorted(definition),
                AggregationMethods.expand(fields.aggregationMethods));
    }

    /**
     * The policy with the definition of a PATCH body. Only points/timespan may change: the granularities must be
     * exactly the existing ones.
     *
     * @throws InvalidInputException "Archive policy NAME does not support change: Cannot add or drop granularities"
     *         or "...: 1.0 granularity interval was changed"
     */
    public static ArchivePolicy patch(ArchivePolicy existing, Map<String, Object> body) {
        return patchBody(existing, body);
    }

    /** Same as {@link #patch(ArchivePolicy, Map)} for a body of any JSON type. */
    public static ArchivePolicy patchBody(ArchivePolicy existing, Object body) {
        List<ArchivePolicyDefinitions.ItemFields> items;
        try {
            items = validatePatch(body);
        } catch (SchemaViolationException e) {
            throw e.violation().toException();
        }
        List<ArchivePolicyItem> requested = sorted(ArchivePolicyDefinitions.complete(items));
        List<ArchivePolicyItem> current = sorted(existing.definition());
        if (requested.size() != current.size()) {
            throw unsupportedChange(existing, "Cannot add or drop granularities");
        }
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).granularityNanos() != requested.get(i).granularityNanos()) {
                throw unsupportedChange(existing,
                        Timespans.secondsText(current.get(i).granularityNanos()) + " granularity interval was changed");
            }
        }
        return new ArchivePolicy(existing.name(), existing.backWindow(), requested, existing.aggregationMethods());
    }

    private record CreateFields(String name, int backWindow, List<String> aggregationMethods,
                                List<ArchivePolicyDefinitions.ItemFields> definition) {
    }

    private static CreateFields validateCreate(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw new SchemaViolationException(SchemaViolation.at(List.of(), "expected a dictionary"));
        }
        String name = null;
        int backWindow = 0;
        List<String> methods = new ArrayList<>(AggregationMethods.DEFAULT);
        List<ArchivePolicyDefinitions.ItemFields> definition = null;
        for (var entry : map.entrySet()) {
            Object key = entry.getKey();
            Object value = entry.getValue();
            List<Object> path = List.of(key);
            if (!CREATE_KEYS.contains(key)) {
                throw new SchemaViolationException(SchemaViolation.at(path, "extra keys not allowed"));
            }
            switch ((String) key) {
                case "name" -> name = name(value, path);
                case "back_window" -> backWindow = backWindow(value, path);
                case "aggregation_methods" -> methods = aggregationMethods(value, path);
                default -> definition = ArchivePolicyDefinitions.validate(value, path);
            }
        }
        requirePresent(map, "name");
        requirePresent(map, "definition");
        return new CreateFields(name, backWindow, methods, definition);
    }

    private static List<ArchivePolicyDefinitions.ItemFields> validatePatch(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw new SchemaViolationException(SchemaViolation.at(List.of(), "expected a dictionary"));
        }
        List<ArchivePolicyDefinitions.ItemFields> definition = null;
        for (var entry : map.entrySet()) {
            List<Object> path = List.of(entry.getKey());
            if (!"definition".equals(entry.getKey())) {
                throw new SchemaViolationException(SchemaViolation.at(path, "extra keys not allowed"));
            }
            definition = ArchivePolicyDefinitions.validate(entry.getValue(), path);
        }
        requirePresent(map, "definition");
        return definition;
    }

    private static void requirePresent(Map<?, ?> body, String key) {
        if (!body.containsKey(key)) {
            throw new SchemaViolationException(SchemaViolation.at(List.of(key), "required key not provided"));
        }
    }

    private static String name(Object value, List<Object> path) {
        if (value instanceof String name) {
            return name;
        }
        throw new SchemaViolationException(SchemaViolation.dictionaryValue(path, "expected str"));
    }

    private static int backWindow(Object value, List<Object> path) {
        BigInteger backWindow = IntCoercion.coerce(value).orElseThrow(
                () -> new SchemaViolationException(SchemaViolation.dictionaryValue(path, "expected int")));
        if (backWindow.signum() < 0) {
            throw new SchemaViolationException(SchemaViolation.dictionaryValue(path, "value must be at least 0"));
        }
        if (backWindow.compareTo(INT_MAX) > 0) {
            // Gnocchi's database column is a 32-bit integer.
            throw new SchemaViolationException(SchemaViolation.dictionaryValue(path, "value must be at most " + INT_MAX));
        }
        return backWindow.intValueExact();
    }

    @SuppressWarnings("unchecked")
    private static List<String> aggregationMethods(Object value, List<Object> path) {
        if (!(value instanceof List<?> methods)) {
            throw new SchemaViolationException(SchemaViolation.dictionaryValue(path, "expected a list"));
        }
        for (int i = 0; i < methods.size(); i++) {
            if (!(methods.get(i) instanceof String method) || !AggregationMethods.isValidEntry(method)) {
                throw new SchemaViolationException(SchemaViolation.at(SchemaViolation.append(path, i), "not a valid value"));
            }
        }
        return (List<String>) methods;
    }

    private static List<ArchivePolicyItem> sorted(List<ArchivePolicyItem> items) {
        return items.stream().sorted(Comparator.comparingLong(ArchivePolicyItem::granularityNanos)).toList();
    }

    private static InvalidInputException unsupportedChange(ArchivePolicy policy, String why) {
        return new InvalidInputException("Archive policy " + policy.name() + " does not support change: " + why);
    }
}
