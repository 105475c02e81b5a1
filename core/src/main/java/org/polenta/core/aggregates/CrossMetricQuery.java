package org.polenta.core.aggregates;

import org.polenta.core.errors.StructuredInvalidInputException;
import org.polenta.core.text.PythonFloats;

import java.util.OptionalDouble;

/**
 * The parameters of /v1/aggregation/metric (GET query or POST with the metric ids in the body), parsed by the API
 * layer: start and stop in epoch nanoseconds, granularity in nanoseconds, resample as given. Null means absent;
 * aggregation defaults to "mean", reaggregation to the aggregation, needed_overlap to 100 (percent).
 */
public record CrossMetricQuery(Long start, Long stop, String aggregation, String reaggregation, Long granularity,
                               String resample, Double neededOverlap, Fill fill) {

    public static final double DEFAULT_NEEDED_OVERLAP = 100.0;

    public String aggregationOrDefault() {
        return aggregation == null ? MeasuresQuery.DEFAULT_AGGREGATION : aggregation;
    }

    public String reaggregationOrDefault() {
        return reaggregation == null ? aggregationOrDefault() : reaggregation;
    }

    public double neededOverlapOrDefault() {
        return neededOverlap == null ? DEFAULT_NEEDED_OVERLAP : neededOverlap;
    }

    public Fill fillOrNone() {
        return fill == null ? Fill.NONE : fill;
    }

    /** Parses needed_overlap as Gnocchi's validate_qs does. */
    public static Double parseNeededOverlap(String raw) {
        if (raw == null) {
            return null;
        }
        OptionalDouble value = PythonFloats.parse(raw);
        if (value.isEmpty()) {
            throw new StructuredInvalidInputException(StructuredInvalidInputException.ARGUMENT_VALUE_ERROR,
                    "Must be a number", "needed_overlap");
        }
        return value.getAsDouble();
    }
}
