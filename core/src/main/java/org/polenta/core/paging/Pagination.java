package org.polenta.core.paging;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.validation.IntCoercion;
import org.polenta.core.validation.SchemaViolation;

/**
 * Sorting and marker-based paging of listings, as Gnocchi does it in SQL (oslo.db paginate_query over its
 * PostgreSQL indexer): rows sort key by key, NULLs above every value unless the direction says
 * -nullsfirst/-nullslast; the page holds the rows that come after the marker row under paginate_query's own
 * criteria (which, like Gnocchi's, skip a key whose marker value is NULL), then is cut to the limit.
 */
public final class Pagination {

    private Pagination() {
    }

    /**
     * The limit query argument as get_pagination_options reads it: absent means maxLimit, larger values are
     * clamped to maxLimit, fewer than 1 or not an integer is an error.
     *
     * @param raw null, a String, or a List of Strings (a repeated argument)
     * @throws StructuredInvalidInputException {"cause": "Argument value error", "reason": "..."}
     */
    public static int limit(Object raw, int maxLimit) {
        if (raw == null) {
            return maxLimit;
        }
        List<Object> path = List.of("limit");
        BigInteger limit = IntCoercion.coerce(raw).orElse(null);
        if (limit == null) {
            throw SchemaViolation.dictionaryValue(path, "expected int")
                    .toException(StructuredInvalidInputException.ARGUMENT_VALUE_ERROR, false);
        }
        if (limit.signum() < 1) {
            throw SchemaViolation.dictionaryValue(path, "value must be at least 1")
                    .toException(StructuredInvalidInputException.ARGUMENT_VALUE_ERROR, false);
        }
        return limit.min(BigInteger.valueOf(maxLimit)).intValueExact();
    }

    /**
     * One page of {@code items}, with sort attributes checked against {@code sortable}.
     *
     * @param field    the value of an attribute of an item (any Comparable, null for NULL)
     * @param markerId the id of the last item of the previous page, or null for the first page
     * @throws InvalidInputException "Invalid pagination: `Invalid marker: `X''" when no item has the marker id,
     *         "Invalid pagination: `Sort key supplied is invalid: X'", or a bad direction
     */
    public static <T> List<T> page(List<T> items, List<SortKey> sort, Set<String> sortable,
                                   BiFunction<T, String, Comparable<?>> field, String markerId,
                                   Function<T, String> idOf, int limit) {
        T marker = null;
        if (markerId != null) {
            marker = items.stream().filter(item -> markerId.equals(idOf.apply(item))).findFirst()
                    .orElseThrow(() -> invalid("Invalid marker: `" + markerId + "'"));
        }
        return pageAfter(items, sort, sortable, field, marker, limit);
    }

    /** {@link #page(List, List, Set, BiFunction, String, Function, int)} without checking sort attribute names. */
    public static <T> List<T> page(List<T> items, List<SortKey> sort, BiFunction<T, String, Comparable<?>> field,
                                   String markerId, Function<T, String> idOf, int limit) {
        return page(items, sort, null, field, markerId, idOf, limit);
    }

    /**
     * One page after {@code marker}, an item the caller has already resolved (Gnocchi looks the marker up among
     * all active rows, not only those the listing's filter keeps); null for the first page.
     *
     * @param sortable the attributes that may be sorted on, or null to accept any
     */
    public static <T> List<T> pageAfter(Collection<T> items, List<SortKey> sort, Set<String> sortable,
                                        BiFunction<T, String, Comparable<?>> field, T marker, int limit) {
        for (SortKey key : sort) {
            if (sortable != null && !sortable.contains(key.attribute())) {
                throw invalid("Sort key supplied is invalid: " + key.attribute());
            }
            key.requireValidDirection();
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(ordering(sort, field));
        List<T> page = new ArrayList<>();
        for (T item : sorted) {
            if (page.size() >= limit) {
                break;
            }
            if (marker == null || comesAfter(item, marker, sort, field)) {
                page.add(item);
            }
        }
        return page;
    }

    static InvalidInputException invalid(String reason) {
        return new InvalidInputException("Invalid pagination: `" + reason + "'");
    }

    private static <T> Comparator<T> ordering(List<SortKey> sort, BiFunction<T, String, Comparable<?>> field) {
        Comparator<T> ordering = (a, b) -> 0;
        for (SortKey key : sort) {
            ordering = ordering.thenComparing((a, b) -> compareForSort(
                    field.apply(a, key.attribute()), field.apply(b, key.attribute()), key));
        }
        return ordering;
    }

    private static int compareForSort(Object a, Object b, SortKey key) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            boolean nullFirst = switch (key.nulls()) {
                case FIRST -> true;
                case LAST -> false;
                // PostgreSQL: NULL is above every value, so first when descending.
                case DEFAULT -> key.descending();
            };
            return (a == null) == nullFirst ? -1 : 1;
        }
        int order = compareValues(a, b);
        return key.descending() ? -order : order;
    }

    /**
     * paginate_query's marker criteria: for some key i with a non-NULL marker value, every earlier key with a
     * non-NULL marker value is equal, and key i is strictly beyond the marker (or NULL where the direction puts
     * NULLs after it). SQL comparisons with NULL are never true.
     */
    private static <T> boolean comesAfter(T item, T marker, List<SortKey> sort,
                                          BiFunction<T, String, Comparable<?>> field) {
        for (int i = 0; i < sort.size(); i++) {
            SortKey key = sort.get(i);
            Object markerValue = field.apply(marker, key.attribute());
            if (markerValue == null) {
                continue;
            }
            boolean earlierEqual = true;
            for (int j = 0; j < i && earlierEqual; j++) {
                Object earlierMarker = field.apply(marker, sort.get(j).attribute());
                if (earlierMarker != null) {
                    Object earlier = field.apply(item, sort.get(j).attribute());
                    earlierEqual = earlier != null && compareValues(earlier, earlierMarker) == 0;
                }
            }
            if (!earlierEqual) {
                continue;
            }
            Object value = field.apply(item, key.attribute());
            boolean beyond;
            if (key.descending()) {
                beyond = (value != null && compareValues(value, markerValue) < 0)
                        || (value == null && key.nulls() == SortKey.Nulls.FIRST);
            } else {
                beyond = (value != null && compareValues(value, markerValue) > 0)
                        || (value == null && key.nulls() == SortKey.Nulls.LAST);
            }
            if (beyond) {
                return true;
            }
        }
        return false;
    }

    /** Natural order, except UUIDs, which compare as their text (PostgreSQL's uuid order, unlike UUID.compareTo). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a instanceof UUID || b instanceof UUID) {
            return Objects.toString(a).compareTo(Objects.toString(b));
        }
        return ((Comparable) a).compareTo(b);
    }
}
