package org.polenta.core.resource.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.polenta.core.paging.SortKey;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.type.AttributeSchema;
import org.polenta.core.resource.type.ResourceType;

/**
 * Sorting of resource listings as Gnocchi does it: by default revision_start then started_at, ascending; the
 * unique keys (id, plus revision with history) close every sort so pages are stable; markers are the last id of
 * a page, "id@revision" with history. Reuses core.paging for the order and the page cut.
 */
public final class ResourceSorting {

    /** Gnocchi's RESOURCE_DEFAULT_PAGINATION. */
    public static final List<String> DEFAULT_SORT = List.of("revision_start:asc", "started_at:asc");

    private static final List<String> BASE_FIELDS = List.of("id", "original_resource_id", "type", "creator",
            "user_id", "project_id", "started_at", "ended_at", "revision_start");

    private ResourceSorting() {
    }

    /** @param raw the sort arguments; empty means {@link #DEFAULT_SORT} */
    public static List<SortKey> keys(List<String> raw, boolean history) {
        return SortKey.parseAll(raw.isEmpty() ? DEFAULT_SORT : raw, history ? List.of("id", "revision") : List.of("id"));
    }

    /** The attributes a listing of the type may sort on (others get "Sort key supplied is invalid"). */
    public static Set<String> sortable(ResourceType type, boolean history) {
        Set<String> fields = new LinkedHashSet<>(BASE_FIELDS);
        if (history) {
            fields.add("revision");
            fields.add("revision_end");
        }
        type.attributes().stream().map(AttributeSchema::name).forEach(fields::add);
        return fields;
    }

    /** A sort value of a resource (null sorts as SQL's NULL). */
    public static Comparable<?> field(Resource resource, String attribute) {
        Object value = resource.field(attribute);
        return value instanceof Comparable<?> comparable ? comparable : null;
    }

    /** The marker that follows a page ending with {@code last}. */
    public static String marker(Resource last, boolean history) {
        return history ? last.historyMarker() : last.id().toString();
    }

    /** Whether {@code resource} is the one a marker names. */
    public static boolean isMarked(Resource resource, String marker, boolean history) {
        return marker.equals(marker(resource, history));
    }

    /** The order of sort keys, unique keys included, in which core.paging cuts pages. */
    public static List<String> attributes(List<SortKey> keys) {
        List<String> attributes = new ArrayList<>();
        keys.forEach(key -> attributes.add(key.attribute()));
        return attributes;
    }
}
