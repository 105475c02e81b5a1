package org.polenta.core.paging;

import java.util.ArrayList;
import java.util.List;

import org.polenta.core.errors.InvalidInputException;

/**
 * One {@code sort=attr[:asc|desc][-nullsfirst|-nullslast]} value. The direction text is kept as given and only
 * checked when a page is cut ({@link Pagination}), because Gnocchi checks a bad marker first and then each key,
 * attribute before direction, in order; checking earlier would change which error a client sees.
 */
public record SortKey(String attribute, String direction) {

    static final String INVALID_DIRECTION =
            "Unknown sort direction, must be one of: asc-nullsfirst, asc-nullslast, desc-nullsfirst, desc-nullslast";

    /** How NULLs are placed when the direction does not say: PostgreSQL's rule, NULL above every value. */
    public enum Nulls { FIRST, LAST, DEFAULT }

    /** Splits at the first ':' and trims the attribute; no direction means "asc" (indexer._build_sort_keys). */
    public static SortKey parse(String raw) {
        int colon = raw.indexOf(':');
        if (colon < 0) {
            return new SortKey(raw.strip(), "asc");
        }
        String direction = raw.substring(colon + 1);
        return new SortKey(raw.substring(0, colon).strip(), direction.isEmpty() ? "asc" : direction);
    }

    /** The requested keys followed by each unique key not already sorted on, ascending (for a stable order). */
    public static List<SortKey> parseAll(List<String> raw, List<String> uniqueKeys) {
        List<SortKey> keys = new ArrayList<>();
        raw.forEach(value -> keys.add(parse(value)));
        for (String unique : uniqueKeys) {
            if (keys.stream().noneMatch(key -> key.attribute().equals(unique))) {
                keys.add(new SortKey(unique, "asc"));
            }
        }
        return keys;
    }

    /** @throws InvalidInputException "Invalid pagination: `Unknown sort direction, must be one of: ...'" */
    public boolean descending() {
        return mainDirection().equals("desc");
    }

    /** @throws InvalidInputException as {@link #descending()} */
    public Nulls nulls() {
        mainDirection();
        int dash = direction.indexOf('-');
        if (dash < 0) {
            return Nulls.DEFAULT;
        }
        return switch (direction.substring(dash + 1)) {
            case "" -> Nulls.DEFAULT;
            case "nullsfirst" -> Nulls.FIRST;
            case "nullslast" -> Nulls.LAST;
            default -> throw Pagination.invalid(INVALID_DIRECTION);
        };
    }

    /** Raises Gnocchi's error if the direction is not one of the six accepted forms. */
    void requireValidDirection() {
        nulls();
    }

    private String mainDirection() {
        int dash = direction.indexOf('-');
        String main = dash < 0 ? direction : direction.substring(0, dash);
        if (!main.equals("asc") && !main.equals("desc")) {
            throw Pagination.invalid(INVALID_DIRECTION);
        }
        return main;
    }
}
