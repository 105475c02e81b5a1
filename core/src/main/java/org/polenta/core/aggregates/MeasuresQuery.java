package org.polenta.core.aggregates;

/**
 * The parameters of GET /v1/metric/{id}/measures, already parsed by the API layer: start and stop in epoch
 * nanoseconds, granularity in nanoseconds, resample as given (a timespan text or a calendar letter). Null means
 * absent; an absent aggregation means "mean". {@code fill} is accepted for symmetry with the aggregation
 * endpoints, but Gnocchi 4.4 ignores it on this endpoint, and so does {@link MeasuresReader}.
 */
public record MeasuresQuery(Long start, Long stop, String aggregation, Long granularity, String resample,
                            Double fill) {

    public static final String DEFAULT_AGGREGATION = "mean";

    public String aggregationOrDefault() {
        return aggregation == null ? DEFAULT_AGGREGATION : aggregation;
    }
}
