package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.polenta.core.paging.Pagination;
import org.polenta.service.http.PythonUrlEncoding;

/**
 * Gnocchi's pagination options of a listing: limit (default and cap: max_limit), marker, sort (repeatable),
 * and the rel="next" link that repeats every query argument with the marker of the page's last item.
 */
public record PageRequest(int limit, String marker, List<String> sorts) {

    public static PageRequest from(MultivaluedMap<String, String> query, int maxLimit, List<String> defaultSort) {
        List<String> limits = query.get("limit");
        Object rawLimit = limits == null || limits.isEmpty() ? null : limits.size() == 1 ? limits.get(0) : limits;
        List<String> sorts = query.get("sort");
        return new PageRequest(Pagination.limit(rawLimit, maxLimit), query.getFirst("marker"),
                sorts == null || sorts.isEmpty() ? defaultSort : List.copyOf(sorts));
    }

    /** The URL of the page after the one that ends with {@code lastId}, query arguments sorted as Gnocchi does. */
    public String nextLink(String pathUrl, MultivaluedMap<String, String> query, String lastId) {
        TreeMap<String, List<String>> options = new TreeMap<>();
        query.forEach((k, v) -> options.put(k, new ArrayList<>(v)));
        options.put("limit", List.of(String.valueOf(limit)));
        options.put("marker", List.of(lastId));
        options.put("sort", sorts);
        return "<" + pathUrl + "?" + PythonUrlEncoding.urlencode(new ArrayList<>(options.entrySet())) + ">; rel=\"next\"";
    }
}
