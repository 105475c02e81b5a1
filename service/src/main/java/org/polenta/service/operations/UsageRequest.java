package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Locale;
import org.polenta.service.errors.ApiException;

/**
 * The arguments of GET /v1/usage, checked: a bad one is a 400 in the shape Gnocchi gives bad query arguments.
 *
 * @param start       nanoseconds since the epoch, inclusive
 * @param stop        nanoseconds since the epoch, exclusive; after start
 * @param projectId   the one project asked about, or null for every project the caller may see
 * @param granularity nanoseconds, or null to let each metric's archive policy decide
 * @param csv         whether the report is wanted as CSV rather than JSON
 */
public record UsageRequest(long start, long stop, String projectId, Long granularity, boolean csv) {

    public static UsageRequest from(MultivaluedMap<String, String> query) {
        Long start = MeasuresQueries.timestamp("start", query.getFirst("start"));
        Long stop = MeasuresQueries.timestamp("stop", query.getFirst("stop"));
        if (start == null) {
            throw ApiException.argumentValue("start", "required key not provided");
        }
        if (stop == null) {
            throw ApiException.argumentValue("stop", "required key not provided");
        }
        if (stop <= start) {
            throw ApiException.argumentValue("stop", "Must be after start");
        }
        Long granularity = MeasuresQueries.granularity(query.getFirst("granularity"));
        if (granularity != null && granularity <= 0) {
            throw ApiException.argumentValue("granularity", "Must be positive");
        }
        String projectId = query.getFirst("project_id");
        if (projectId != null && projectId.isBlank()) {
            throw ApiException.argumentValue("project_id", "Must not be empty");
        }
        String format = query.getFirst("format") == null ? "json" : query.getFirst("format").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.argumentValue("format", "Must be json or csv");
        }
        return new UsageRequest(start, stop, projectId, granularity, format.equals("csv"));
    }
}
