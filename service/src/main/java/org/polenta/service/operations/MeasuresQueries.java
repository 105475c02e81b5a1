package org.polenta.service.operations;

import jakarta.ws.rs.core.MultivaluedMap;
import org.polenta.core.aggregates.MeasuresQuery;
import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.time.Timespans;
import org.polenta.core.time.Timestamps;
import org.polenta.service.errors.ApiException;

/** The query arguments of measures reads, parsed with Gnocchi's errors (validate_qs). */
public final class MeasuresQueries {

    private MeasuresQueries() {
    }

    public static MeasuresQuery from(MultivaluedMap<String, String> query) {
        return new MeasuresQuery(
                timestamp("start", query.getFirst("start")),
                timestamp("stop", query.getFirst("stop")),
                query.getFirst("aggregation"),
                granularity(query.getFirst("granularity")),
                query.getFirst("resample"),
                null);
    }

    public static Long timestamp(String argument, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Timestamps.parse(raw);
        } catch (InvalidInputException e) {
            throw ApiException.argumentValue(argument, "Must be a datetime or a timestamp");
        }
    }

    public static Long granularity(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Timespans.parse(raw);
        } catch (InvalidInputException e) {
            throw ApiException.argumentValue("granularity", e.getMessage());
        }
    }
}
