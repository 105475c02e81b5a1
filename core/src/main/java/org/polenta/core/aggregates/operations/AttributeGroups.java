package org.polenta.core.aggregates.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Gnocchi's groupby over found resources (itertools.groupby on a tuple of attributes): consecutive items with
 * equal values of the groupby attributes form one group, so the caller sorts by those attributes first.
 */
public final class AttributeGroups {

    private AttributeGroups() {
    }

    /** Items sharing the groupby attributes' values, in the given order; {@code key} maps attribute to value. */
    public record Group<T>(Map<String, Object> key, List<T> members) {
    }

    /** @param attributesOf an item's attributes by name, as Gnocchi shows them (absent ones group as null) */
    public static <T> List<Group<T>> of(List<T> items, Function<T, Map<String, Object>> attributesOf,
                                        List<String> groupby) {
        List<Group<T>> groups = new ArrayList<>();
        for (T item : items) {
            Map<String, Object> attributes = attributesOf.apply(item);
            Map<String, Object> key = new LinkedHashMap<>();
            groupby.forEach(attribute -> key.put(attribute, attributes.get(attribute)));
            if (!groups.isEmpty() && groups.get(groups.size() - 1).key().equals(key)) {
                groups.get(groups.size() - 1).members().add(item);
            } else {
                List<T> members = new ArrayList<>();
                members.add(item);
                groups.add(new Group<>(key, members));
            }
        }
        return groups;
    }
}
