package org.polenta.listener.amqp;

import java.util.List;

/** A queue the listener consumes and the exchange/routing-key pairs it is bound with. */
public record QueueSource(String queue, List<Binding> bindings) {

    public record Binding(String exchange, String routingKey) {
    }

    public static QueueSource of(String queue, String routingKey, String... exchanges) {
        return new QueueSource(queue, java.util.Arrays.stream(exchanges).map(e -> new Binding(e, routingKey)).toList());
    }
}
