package org.polenta.core.resource.type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.resource.PythonStr;
import org.polenta.core.validation.SchemaViolation;

/**
 * Reads the definition of one attribute ({"type": "string", "required": false, "max_length": 32, ...}) with
 * Gnocchi's rules. The schema is voluptuous' Any over one mapping per type, tried in the order stevedore loads
 * them (bool, datetime, number, string, uuid); when none matches, voluptuous reports the failure with the longest
 * path, the first alternative's on a tie, so the "bool" mapping usually speaks for all of them.
 */
final class AttributeDefinitions {

    static final List<String> TYPE_ORDER = List.of("bool", "datetime", "number", "string", "uuid");

    private static final Set<String> INVALID_NAMES = Set.of(
            "id", "type", "metrics", "revision", "revision_start", "revision_end", "started_at", "ended_at",
            "user_id", "project_id", "created_by_user_id", "created_by_project_id", "get_metric", "creator");
    // Gnocchi uses re.match: only a valid first character is required, the rest of the name is not checked.
    private static final Pattern VALID_START = Pattern.compile("^[a-zA-Z0-9]");

    private AttributeDefinitions() {
    }

    /**
     * The schema failure of {@code definition} at {@code path} (["attributes", name]), or null when one of the
     * type mappings accepts it.
     *
     * @param forUpdate whether "options" (with "fill") is allowed, as on PATCH
     */
    static SchemaViolation check(Object definition, List<Object> path, boolean forUpdate) {
        if (!(definition instanceof Map<?, ?> map)) {
            return SchemaViolation.dictionaryValue(path, "expected a dictionary");
        }
        SchemaViolation reported = null;
        for (String type : TYPE_ORDER) {
            SchemaViolation failure = firstFailure(type, map, path, forUpdate);
            if (failure == null) {
                return null;
            }
            if (reported == null || failure.path().size() > reported.path().size()) {
                reported = failure;
            }
        }
        return reported;
    }

    /**
     * Builds the attribute from a definition that passed {@link #check}, with Gnocchi's constructor checks.
     *
     * @param options null on create; on update the "options" mapping, whose "fill" is checked
     * @return the attribute and its validated fill value (null when none)
     * @throws InvalidInputException "Invalid input: Resource attribute name x is invalid" and friends
     */
    static AttributeAddition build(String name, Map<?, ?> definition, boolean forUpdate) {
        String type = (String) definition.get("type");
        boolean required = !definition.containsKey("required") || (Boolean) definition.get("required");
        AttributeSchema attribute = switch (type) {
            case "string" -> {
                int minLength = intOption(definition, "min_length", StringAttribute.DEFAULT_MIN_LENGTH);
                int maxLength = intOption(definition, "max_length", StringAttribute.DEFAULT_MAX_LENGTH);
                if (minLength > maxLength) {
                    throw minAboveMax(definition.get("min_length"), definition.get("max_length"));
                }
                yield new StringAttribute(name, required, minLength, maxLength);
            }
            case "number" -> {
                Number min = numberOption(definition.get("min"));
                Number max = numberOption(definition.get("max"));
                if (min != null && max != null
                        && NumberAttribute.decimal(min).compareTo(NumberAttribute.decimal(max)) > 0) {
                    throw minAboveMax(min, max);
                }
                yield new NumberAttribute(name, required, min, max);
            }
            case "uuid" -> new UuidAttribute(name, required);
            case "bool" -> new BoolAttribute(name, required);
            case "datetime" -> new DatetimeAttribute(name, required);
            default -> throw new IllegalArgumentException("Unchecked attribute type " + type);
        };
        checkName(name);
        Object fill = null;
        if (forUpdate) {
            Map<?, ?> options = definition.get("options") instanceof Map<?, ?> given ? given : Map.of();
            Object rawFill = options.get("fill");
            if (rawFill == null && required) {
                throw invalidOption(name, "must not be empty if required=True");
            }
            if (rawFill != null) {
                try {
                    fill = attribute.validate(rawFill);
                } catch (AttributeValueException e) {
                    throw invalidOption(name, e.getMessage());
                }
            }
        }
        return new AttributeAddition(attribute, fill);
    }

    static void checkName(String name) {
        if (name.codePointCount(0, name.length()) > 63 || INVALID_NAMES.contains(name)
                || !VALID_START.matcher(name).find()) {
            throw new InvalidInputException("Invalid input: Resource attribute name " + name + " is invalid");
        }
    }

    private static InvalidInputException minAboveMax(Object min, Object max) {
        // Gnocchi's message has the double space.
        return new InvalidInputException("Invalid input: Resource attribute value min (or min_length) "
                + PythonStr.str(min) + " must be less  than or equal to max (or max_length) " + PythonStr.str(max) + "!");
    }

    private static InvalidInputException invalidOption(String name, String reason) {
        return new InvalidInputException(
                "Invalid input: Option 'fill' of resource attribute " + name + " is invalid: " + reason);
    }

    private static int intOption(Map<?, ?> definition, String key, int defaultValue) {
        Object value = definition.get(key);
        if (value == null) {
            return defaultValue;
        }
        return value instanceof Boolean flag ? (flag ? 1 : 0) : ((Number) value).intValue();
    }

    private static Number numberOption(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        return (Number) value;
    }

    /** The first failure of one type mapping, in voluptuous' order: input keys in order, then missing keys. */
    private static SchemaViolation firstFailure(String type, Map<?, ?> definition, List<Object> path, boolean forUpdate) {
        List<String> keys = new ArrayList<>(List.of("type", "required"));
        if (forUpdate) {
            keys.add("options");
        }
        switch (type) {
            case "string" -> keys.addAll(List.of("min_length", "max_length"));
            case "number" -> keys.addAll(List.of("min", "max"));
            default -> { }
        }
        for (Map.Entry<?, ?> entry : definition.entrySet()) {
            Object key = entry.getKey();
            List<Object> keyPath = SchemaViolation.append(path, key);
            if (!keys.contains(key)) {
                return SchemaViolation.at(keyPath, "extra keys not allowed");
            }
            SchemaViolation failure = valueFailure(type, (String) key, entry.getValue(), keyPath);
            if (failure != null) {
                return failure.asValueOfKeyAt(keyPath.size());
            }
        }
        if (!definition.containsKey("type")) {
            return SchemaViolation.at(SchemaViolation.append(path, "type"), "required key not provided");
        }
        return null;
    }

    private static SchemaViolation valueFailure(String type, String key, Object value, List<Object> keyPath) {
        return switch (key) {
            case "type" -> type.equals(value) ? null : SchemaViolation.at(keyPath, "not a valid value");
            case "required" -> value instanceof Boolean ? null : SchemaViolation.at(keyPath, "expected bool");
            case "options" -> optionsFailure(value, keyPath);
            case "min_length" -> lengthFailure(value, keyPath, 0);
            case "max_length" -> lengthFailure(value, keyPath, 1);
            case "min", "max" -> value == null || NumberAttribute.isReal(value)
                    ? null : SchemaViolation.at(keyPath, "not a valid value");
            default -> null;
        };
    }

    private static SchemaViolation optionsFailure(Object value, List<Object> keyPath) {
        if (!(value instanceof Map<?, ?> options)) {
            return SchemaViolation.at(keyPath, "expected a dictionary");
        }
        for (Object optionKey : options.keySet()) {
            if (!"fill".equals(optionKey)) {
                return SchemaViolation.at(SchemaViolation.append(keyPath, optionKey), "extra keys not allowed");
            }
        }
        return null;
    }

    /** All(int, Range(min=lowest, max=255)); Python's bool counts as an int. */
    private static SchemaViolation lengthFailure(Object value, List<Object> keyPath, int lowest) {
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Boolean)) {
            return SchemaViolation.at(keyPath, "expected int");
        }
        BigInteger number = value instanceof Boolean flag ? (flag ? BigInteger.ONE : BigInteger.ZERO)
                : new BigInteger(value.toString());
        if (number.compareTo(BigInteger.valueOf(lowest)) < 0) {
            return SchemaViolation.at(keyPath, "value must be at least " + lowest);
        }
        if (number.compareTo(BigInteger.valueOf(255)) > 0) {
            return SchemaViolation.at(keyPath, "value must be at most 255");
        }
        return null;
    }
}
