package org.polenta.core.archive;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.polenta.core.validation.SchemaViolation;

/**
 * The aggregation methods an archive policy may keep, and how a requested list expands into a set
 * (archive_policy.ArchivePolicy.aggregation_methods in Gnocchi).
 */
public final class AggregationMethods {

    private static final List<String> BASIC = List.of("mean", "sum", "last", "max", "min", "std", "median", "first", "count");
    private static final String RATE_PREFIX = "rate:";

    /** The 216 valid methods: 9 basic ones, 1pct..99pct, and "rate:" of each. */
    public static final Set<String> ALL = allMethods();

    /** What a policy keeps when it names no method, or only "+m"/"-m" modifiers (Gnocchi's configuration default). */
    public static final Set<String> DEFAULT = Set.of("mean", "min", "max", "sum", "std", "count");

    private AggregationMethods() {
    }

    public static boolean isValid(String method) {
        return ALL.contains(method);
    }

    /** Whether the entry may appear in a requested list: a method, "*", or "+"/"-" followed by a method. */
    public static boolean isValidEntry(String entry) {
        return entry.equals("*") || ALL.contains(entry)
                || ((entry.startsWith("+") || entry.startsWith("-")) && ALL.contains(entry.substring(1)));
    }

    /**
     * The set of methods a requested list denotes: "*" starts from every method, a list made only of modifiers
     * starts from {@link #DEFAULT}, any other list starts from the plain methods it names; then each "+m" adds
     * and each "-m" removes m, in the order given. (Gnocchi applies modifiers in hash order and leaves the
     * modifier strings themselves in the set when plain names are mixed in; here they are applied in order and
     * never kept, since "-max" is not a method anything could compute.)
     *
     * @throws org.polenta.core.errors.StructuredInvalidInputException
     *         "not a valid value @ data['aggregation_methods'][i]" for an unknown entry, as Gnocchi's schema says it
     */
    public static Set<String> expand(List<String> requested) {
        for (int i = 0; i < requested.size(); i++) {
            Object entry = requested.get(i);
            if (!(entry instanceof String text) || !isValidEntry(text)) {
                throw SchemaViolation.at(List.of("aggregation_methods", i), "not a valid value").toException();
            }
        }
        Set<String> methods = new LinkedHashSet<>();
        if (requested.contains("*")) {
            methods.addAll(ALL);
        } else if (requested.stream().allMatch(AggregationMethods::isModifier)) {
            methods.addAll(DEFAULT);
        } else {
            requested.stream().filter(entry -> !isModifier(entry) && !entry.equals("*")).forEach(methods::add);
        }
        for (String entry : requested) {
            if (entry.startsWith("-")) {
                methods.remove(entry.substring(1));
            } else if (entry.startsWith("+")) {
                methods.add(entry.substring(1));
            }
        }
        return Set.copyOf(methods);
    }

    private static boolean isModifier(String entry) {
        return entry.startsWith("+") || entry.startsWith("-");
    }

    private static Set<String> allMethods() {
        List<String> plain = Stream.concat(BASIC.stream(), IntStream.rangeClosed(1, 99).mapToObj(i -> i + "pct")).toList();
        Set<String> all = new LinkedHashSet<>(plain);
        plain.forEach(method -> all.add(RATE_PREFIX + method));
        return Set.copyOf(all);
    }
}
