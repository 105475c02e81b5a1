package org.polenta.listener.amqp;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;

/**
 * Declares exchanges, queues and bindings exactly as oslo.messaging's rabbit driver does (topic exchanges and
 * plain queues, durable only with amqp_durable_queues, never auto-delete, no arguments), so that neither the
 * OpenStack publishers nor this listener trip over the other's declaration with 406 PRECONDITION_FAILED.
 * The dead-letter exchange and queue are the listener's own, and durable: what lands there must outlive a restart.
 */
final class TopologyDeclarer {

    private TopologyDeclarer() {
    }

    static void declare(Channel channel, ListenerConfig config) throws IOException {
        Set<String> exchanges = new HashSet<>();
        for (QueueSource source : config.sources()) {
            for (QueueSource.Binding binding : source.bindings()) {
                if (exchanges.add(binding.exchange())) {
                    channel.exchangeDeclare(binding.exchange(), BuiltinExchangeType.TOPIC, config.durable(), false, Map.of());
                }
            }
            channel.queueDeclare(source.queue(), config.durable(), false, false, Map.of());
            for (QueueSource.Binding binding : source.bindings()) {
                channel.queueBind(source.queue(), binding.exchange(), binding.routingKey());
            }
        }
        channel.exchangeDeclare(config.deadLetterExchange(), BuiltinExchangeType.FANOUT, true, false, Map.of());
        channel.queueDeclare(config.deadLetterQueue(), true, false, false, Map.of());
        channel.queueBind(config.deadLetterQueue(), config.deadLetterExchange(), "");
    }
}
