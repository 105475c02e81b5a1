package org.polenta.core.resource.search;

import java.util.List;
import java.util.Objects;

import org.polenta.core.resource.Resource;

/**
 * A filter checked against a resource type, with values converted to the fields' types, evaluated with SQL's
 * three-valued logic as Gnocchi's PostgreSQL indexer evaluates it: a comparison with a NULL field is unknown, NOT
 * unknown is unknown, only true matches. Gnocchi's own renderings are kept: "= null" is IS NULL, "!= null" is
 * IS NOT NULL, and "!= v" also matches NULL fields (it is "field IS NULL OR field != v").
 */
public sealed interface BoundFilter {

    /** TRUE, FALSE, or null for SQL's unknown. */
    Boolean evaluate(Resource resource);

    default boolean matches(Resource resource) {
        return Boolean.TRUE.equals(evaluate(resource));
    }

    /** No condition at all. */
    record MatchAll() implements BoundFilter {
        @Override
        public Boolean evaluate(Resource resource) {
            return true;
        }
    }

    record All(List<BoundFilter> operands) implements BoundFilter {
        public All {
            operands = List.copyOf(operands);
        }

        @Override
        public Boolean evaluate(Resource resource) {
            boolean unknown = false;
            for (BoundFilter operand : operands) {
                Boolean value = operand.evaluate(resource);
                if (Boolean.FALSE.equals(value)) {
                    return false;
                }
                unknown |= value == null;
            }
            return unknown ? null : true;
        }
    }

    record AnyOf(List<BoundFilter> operands) implements BoundFilter {
        public AnyOf {
            operands = List.copyOf(operands);
        }

        @Override
        public Boolean evaluate(Resource resource) {
            boolean unknown = false;
            for (BoundFilter operand : operands) {
                Boolean value = operand.evaluate(resource);
                if (Boolean.TRUE.equals(value)) {
                    return true;
                }
                unknown |= value == null;
            }
            return unknown ? null : false;
        }
    }

    record Negation(BoundFilter operand) implements BoundFilter {
        @Override
        public Boolean evaluate(Resource resource) {
            Boolean value = operand.evaluate(resource);
            return value == null ? null : !value;
        }
    }

    /**
     * {@code field op value}; a null value only with EQ (IS NULL) or NE (IS NOT NULL).
     *
     * @param value String, java.util.UUID, Long, Double or Boolean according to {@code kind}
     */
    record Comparison(String field, FieldKind kind, ComparisonOperator operator, Object value) implements BoundFilter {
        @Override
        public Boolean evaluate(Resource resource) {
            Object actual = resource.field(field);
            if (value == null) {
                return operator == ComparisonOperator.EQ ? actual == null : actual != null;
            }
            if (actual == null) {
                return operator == ComparisonOperator.NE ? true : null;
            }
            return operator.accepts(FieldValues.compare(actual, value));
        }
    }

    /** {@code field IN (values)}; a null among the values never matches, as in SQL. */
    record In(String field, FieldKind kind, List<Object> values) implements BoundFilter {
        public In {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        @Override
        public Boolean evaluate(Resource resource) {
            Object actual = resource.field(field);
            if (actual == null) {
                return null;
            }
            boolean sawNull = false;
            for (Object value : values) {
                if (value == null) {
                    sawNull = true;
                } else if (FieldValues.compare(actual, value) == 0) {
                    return true;
                }
            }
            return sawNull ? null : false;
        }
    }

    /** SQL LIKE on a text field: % any run, _ one character, \ escapes, case-sensitive. */
    record Like(String field, String pattern) implements BoundFilter {
        public Like {
            Objects.requireNonNull(pattern);
        }

        @Override
        public Boolean evaluate(Resource resource) {
            Object actual = resource.field(field);
            return actual == null ? null : LikePatterns.matches(pattern, (String) actual);
        }
    }
}
