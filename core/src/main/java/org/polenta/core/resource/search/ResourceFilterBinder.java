package org.polenta.core.resource.search;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.resource.PythonStr;
import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.AttributeValueException;
import org.polenta.core.resource.type.PythonUuids;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.text.PythonFloats;
import org.polenta.core.time.Timespans;
import org.polenta.core.time.Timestamps;
import org.polenta.core.validation.IntCoercion;

/**
 * Binds a filter to a resource type as Gnocchi's QueryTransformer does: fields must be columns of the type (or
 * the virtual lifespan, created_by_user_id, created_by_project_id), values are converted to the column's type
 * (str() for text, to_datetime for times, float() for numbers, int() for revision). Where Gnocchi crashes with a
 * 500 (a bad lifespan, a comparison other than =/!= with null, LIKE on a non-text column, a bad uuid or boolean
 * literal) Polenta answers with the same 400 message as for any other bad value.
 */
public final class ResourceFilterBinder {

    private static final Map<String, FieldKind> BASE_FIELDS = Map.of(
            "id", FieldKind.ID, "original_resource_id", FieldKind.STRING, "type", FieldKind.STRING,
            "creator", FieldKind.STRING, "user_id", FieldKind.STRING, "project_id", FieldKind.STRING,
            "started_at", FieldKind.TIMESTAMP, "ended_at", FieldKind.TIMESTAMP, "revision_start", FieldKind.TIMESTAMP);
    private static final Map<String, FieldKind> HISTORY_FIELDS = Map.of(
            "revision", FieldKind.INTEGER, "revision_end", FieldKind.TIMESTAMP);

    private final ResourceType type;
    private final boolean history;

    private ResourceFilterBinder(ResourceType type, boolean history) {
        this.type = type;
        this.history = history;
    }

    /**
     * @param history whether past revisions are searched too (revision and revision_end become fields)
     * @throws InvalidInputException "Resource type X has no Y attribute", "Invalid value: `v' for field `f'",
     *         "Unable to parse this query"
     */
    public static BoundFilter bind(ResourceFilter filter, ResourceType type, boolean history) {
        if (filter instanceof ResourceFilter.Empty) {
            return new BoundFilter.MatchAll();
        }
        return new ResourceFilterBinder(type, history).node(filter);
    }

    /** The kind of a field of the type, if it is one. */
    public static Optional<FieldKind> kindOf(String field, ResourceType type, boolean history) {
        if (BASE_FIELDS.containsKey(field)) {
            return Optional.of(BASE_FIELDS.get(field));
        }
        if (history && HISTORY_FIELDS.containsKey(field)) {
            return Optional.of(HISTORY_FIELDS.get(field));
        }
        if (field.equals("lifespan")) {
            return Optional.of(FieldKind.LIFESPAN);
        }
        return type.attribute(field).map(ResourceFilterBinder::kindOfAttribute);
    }

    private BoundFilter node(ResourceFilter filter) {
        if (filter instanceof ResourceFilter.Empty) {
            throw new InvalidInputException("Unable to parse this query");
        }
        if (filter instanceof ResourceFilter.And and) {
            return new BoundFilter.All(and.operands().stream().map(this::node).toList());
        }
        if (filter instanceof ResourceFilter.Or or) {
            return new BoundFilter.AnyOf(or.operands().stream().map(this::node).toList());
        }
        if (filter instanceof ResourceFilter.Not not) {
            return new BoundFilter.Negation(node(not.operand()));
        }
        if (filter instanceof ResourceFilter.Comparison comparison) {
            return comparison(comparison);
        }
        if (filter instanceof ResourceFilter.In in) {
            return in(in);
        }
        return like((ResourceFilter.Like) filter);
    }

    private BoundFilter comparison(ResourceFilter.Comparison comparison) {
        String field = comparison.field();
        Object value = comparison.value();
        if (isCreatorPart(field)) {
            BoundFilter like = creatorLike(field, value);
            return switch (comparison.operator()) {
                case EQ -> like;
                case NE -> new BoundFilter.Negation(like);
                default -> throw invalidValue(value, field);
            };
        }
        FieldKind kind = kind(field);
        if (value == null) {
            if (kind == FieldKind.LIFESPAN
                    || (comparison.operator() != ComparisonOperator.EQ && comparison.operator() != ComparisonOperator.NE)) {
                throw invalidValue(null, field);
            }
            return new BoundFilter.Comparison(field, kind, comparison.operator(), null);
        }
        return new BoundFilter.Comparison(field, kind, comparison.operator(), convert(kind, value, field, value));
    }

    private BoundFilter in(ResourceFilter.In in) {
        String field = in.field();
        if (isCreatorPart(field)) {
            throw invalidValue(in.values(), field);
        }
        FieldKind kind = kind(field);
        if (kind == FieldKind.LIFESPAN) {
            throw invalidValue(in.values(), field);
        }
        List<Object> values = new ArrayList<>();
        for (Object value : in.values()) {
            boolean keptAsNull = value == null && (kind == FieldKind.BOOL || kind == FieldKind.UUID || kind == FieldKind.ID);
            values.add(keptAsNull ? null : convert(kind, value, field, in.values()));
        }
        return new BoundFilter.In(field, kind, values);
    }

    private BoundFilter like(ResourceFilter.Like like) {
        String field = like.field();
        if (isCreatorPart(field)) {
            return creatorLike(field, like.pattern());
        }
        FieldKind kind = kind(field);
        if (like.pattern() == null || kind != FieldKind.STRING) {
            throw invalidValue(like.pattern(), field);
        }
        return new BoundFilter.Like(field, PythonStr.str(like.pattern()));
    }

    /** Gnocchi matches created_by_* with LIKE on the creator, the value pasted into the pattern unescaped. */
    private static BoundFilter creatorLike(String field, Object value) {
        String text = PythonStr.str(value);
        return new BoundFilter.Like("creator", field.equals("created_by_user_id") ? text + ":%" : "%:" + text);
    }

    private static boolean isCreatorPart(String field) {
        return field.equals("created_by_user_id") || field.equals("created_by_project_id");
    }

    private FieldKind kind(String field) {
        return kindOf(field, type, history).orElseThrow(() ->
                new InvalidInputException("Resource type " + type.name() + " has no " + field + " attribute"));
    }

    private static FieldKind kindOfAttribute(AttributeSchema attribute) {
        return switch (attribute.typeName()) {
            case "string" -> FieldKind.STRING;
            case "number" -> FieldKind.NUMBER;
            case "bool" -> FieldKind.BOOL;
            case "uuid" -> FieldKind.UUID;
            case "datetime" -> FieldKind.TIMESTAMP;
            default -> throw new IllegalStateException("Unknown attribute type " + attribute.typeName());
        };
    }

    /** @param quoted what the error message shows: the value, or the whole list for "in" */
    private static Object convert(FieldKind kind, Object value, String field, Object quoted) {
        try {
            return switch (kind) {
                case ID -> value instanceof UUID uuid ? uuid : PythonUuids.parse(value);
                case STRING -> PythonStr.str(value);
                case TIMESTAMP -> Timestamps.parse(value);
                case INTEGER -> IntCoercion.coerce(value).map(BigInteger::longValueExact).orElseThrow();
                case NUMBER -> toFloat(value).orElseThrow();
                case BOOL -> toBoolean(value).orElseThrow();
                case UUID -> PythonUuids.parse(value);
                case LIFESPAN -> Timespans.parse(value);
            };
        } catch (InvalidInputException | AttributeValueException | ArithmeticException
                 | java.util.NoSuchElementException e) {
            throw invalidValue(quoted, field);
        }
    }

    private static OptionalDouble toFloat(Object value) {
        if (value instanceof Boolean flag) {
            return OptionalDouble.of(flag ? 1 : 0);
        }
        if (value instanceof Number number) {
            return OptionalDouble.of(number.doubleValue());
        }
        if (value instanceof String text) {
            return PythonFloats.parse(text);
        }
        return OptionalDouble.empty();
    }

    /** A JSON boolean, or text PostgreSQL reads as a boolean (true/yes/on/1 and prefixes, any case). */
    private static Optional<Boolean> toBoolean(Object value) {
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        if ("true".startsWith(word) || "yes".startsWith(word) || word.equals("on") || word.equals("1")) {
            return Optional.of(true);
        }
        if ("false".startsWith(word) || "no".startsWith(word) || word.equals("off") || word.equals("of")
                || word.equals("0")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static InvalidInputException invalidValue(Object value, String field) {
        return new InvalidInputException("Invalid value: `" + PythonStr.str(value) + "' for field `" + field + "'");
    }
}
