package org.polenta.core.resource.search;

import java.util.Map;
import java.util.Optional;

/** The comparisons of Gnocchi's resource filters, each with all the spellings Gnocchi accepts. */
public enum ComparisonOperator {
    EQ, NE, LT, LE, GT, GE;

    private static final Map<String, ComparisonOperator> SPELLINGS = Map.ofEntries(
            Map.entry("=", EQ), Map.entry("==", EQ), Map.entry("eq", EQ),
            Map.entry("!=", NE), Map.entry("≠", NE), Map.entry("ne", NE),
            Map.entry("<", LT), Map.entry("lt", LT),
            Map.entry("<=", LE), Map.entry("≤", LE), Map.entry("le", LE),
            Map.entry(">", GT), Map.entry("gt", GT),
            Map.entry(">=", GE), Map.entry("≥", GE), Map.entry("ge", GE));

    public static Optional<ComparisonOperator> fromSpelling(String spelling) {
        return Optional.ofNullable(SPELLINGS.get(spelling));
    }

    /** Whether a comparison result (as compareTo gives it) satisfies the operator. */
    public boolean accepts(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }
}
