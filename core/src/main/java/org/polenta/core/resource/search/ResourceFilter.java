package org.polenta.core.resource.search;

import java.util.List;

/**
 * A resource filter as the client wrote it (JSON body or filter= string), after Gnocchi's schema: field names
 * are not checked yet and values are raw JSON values, except "id" values, already resource UUIDs. Binding it to a
 * resource type ({@link ResourceFilterBinder}) checks fields and converts values.
 */
public sealed interface ResourceFilter {

    /** {} : no condition (only meaningful at the top; nested, Gnocchi says "Unable to parse this query"). */
    record Empty() implements ResourceFilter {
    }

    record Comparison(ComparisonOperator operator, String field, Object value) implements ResourceFilter {
    }

    record In(String field, List<Object> values) implements ResourceFilter {
        public In {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    record Like(String field, Object pattern) implements ResourceFilter {
    }

    /** and, ∧ */
    record And(List<ResourceFilter> operands) implements ResourceFilter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** or, ∨ */
    record Or(List<ResourceFilter> operands) implements ResourceFilter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(ResourceFilter operand) implements ResourceFilter {
    }
}
