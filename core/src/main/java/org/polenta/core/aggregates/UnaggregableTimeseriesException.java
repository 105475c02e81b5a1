package org.polenta.core.aggregates;

import org.polenta.core.errors.StructuredInvalidInputException;

import java.util.List;

/**
 * Series that cannot be aggregated together (no common granularity, not enough overlap): Gnocchi's
 * UnAggregableTimeseries, a 400 whose description is {"cause": "Metrics can't being aggregated", "reason": ...,
 * "detail": [[metric id, aggregation], ...]}.
 */
public class UnaggregableTimeseriesException extends StructuredInvalidInputException implements DescribedFailure {

    public static final String CAUSE = "Metrics can't being aggregated";

    public UnaggregableTimeseriesException(List<List<String>> references, String reason) {
        super(CAUSE, reason, List.copyOf(references));
    }

    private UnaggregableTimeseriesException(String reason, List<?> detail) {
        super(CAUSE, reason, detail);
    }

    /** With detail entries that are not all strings, e.g. [metric id, aggregation, granularity in seconds]. */
    public static UnaggregableTimeseriesException withDetail(List<?> detail, String reason) {
        return new UnaggregableTimeseriesException(reason, detail);
    }
}
