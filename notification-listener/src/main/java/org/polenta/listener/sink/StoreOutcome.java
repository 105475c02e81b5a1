package org.polenta.listener.sink;

/**
 * What {@link SampleSink#store} did with a batch.
 *
 * @param stored  samples whose points are durable in the backlog
 * @param refused samples that can never be stored as they are (their resource cannot be created: a required
 *                attribute missing or invalid, its type gone); retrying would not help, so they are counted and
 *                dropped, as Ceilometer's publisher drops them after Gnocchi's 400
 */
public record StoreOutcome(int stored, int refused) {
}
