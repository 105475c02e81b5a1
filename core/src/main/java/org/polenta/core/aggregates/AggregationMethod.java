package org.polenta.core.aggregates;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed aggregation method name: one of Gnocchi's base functions ("mean", "95pct", ...), optionally applied
 * to the differences of consecutive points ("rate:" prefix).
 */
public record AggregationMethod(String name, boolean rate, BucketFunction function) {

    private static final String RATE_PREFIX = "rate:";
    private static final Pattern PERCENTILE = Pattern.compile("([1-9][0-9]?)pct");

    /** The method named {@code name}, or empty when Gnocchi 4.4 has no such method. */
    public static Optional<AggregationMethod> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        boolean rate = name.startsWith(RATE_PREFIX);
        String base = rate ? name.substring(RATE_PREFIX.length()) : name;
        return baseFunction(base).map(f -> new AggregationMethod(name, rate, f));
    }

    /** @throws IllegalArgumentException for a name that is not a Gnocchi aggregation method */
    public static AggregationMethod of(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Unknown aggregation method `" + name + "'"));
    }

    private static Optional<BucketFunction> baseFunction(String base) {
        Matcher pct = PERCENTILE.matcher(base);
        if (pct.matches()) {
            return Optional.of(BucketFunctions.percentile(Integer.parseInt(pct.group(1))));
        }
        return Optional.ofNullable(BucketFunctions.named(base));
    }
}
