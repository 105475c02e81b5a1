package org.polenta.listener.sink;

import java.util.List;

import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.ResourceEnding;

/**
 * Where the listener hands what it read off the bus. The listener acknowledges messages to RabbitMQ only after
 * these calls return, so an implementation must return only once everything is durable, and must throw (any
 * RuntimeException) otherwise: the listener then keeps the messages unacknowledged and retries.
 *
 * <p>Messages are redelivered after a crash or a broker restart, so both calls must be idempotent: storing a
 * sample whose message_id is already stored, or ending a resource already ended at that time, changes nothing.
 */
public interface SampleSink {

    /** Create missing resources and metrics, update changed attributes, append the points. */
    StoreOutcome store(List<MappedSample> batch);

    /** Set ended_at of the resources (and of the resources that end with them). */
    void end(List<ResourceEnding> endings);
}
