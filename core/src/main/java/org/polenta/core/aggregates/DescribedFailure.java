package org.polenta.core.aggregates;

/**
 * A failure whose Gnocchi error body carries a JSON object rather than a sentence as "description"
 * (e.g. {"cause": "Aggregation method does not exist for this metric", "detail": {...}}).
 */
public interface DescribedFailure {

    /** The "description" value: plain Maps, Lists, Strings and numbers, ready for JSON. */
    Object description();
}
