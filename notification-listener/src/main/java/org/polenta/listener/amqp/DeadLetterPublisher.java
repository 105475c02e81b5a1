package org.polenta.listener.amqp;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;

import org.polenta.listener.sample.PoisonMessageException;

/**
 * Moves a poison message to the dead-letter exchange, unchanged, with why and where from in headers. Returns only
 * when the broker has confirmed it, so the original may then be acknowledged without ever being lost. The
 * listener does this itself because the source queues are oslo.messaging's: declaring them with
 * x-dead-letter-exchange would make their declaration differ from the publishers' (406).
 */
final class DeadLetterPublisher {

    static final String REASON = "x-polenta-reason";
    static final String REASON_CODE = "x-polenta-reason-code";
    static final String ORIGINAL_EXCHANGE = "x-polenta-original-exchange";
    static final String ORIGINAL_ROUTING_KEY = "x-polenta-original-routing-key";
    static final String ORIGINAL_QUEUE = "x-polenta-original-queue";

    private final String exchange;
    private final long confirmTimeoutMillis;

    DeadLetterPublisher(String exchange, long confirmTimeoutMillis) {
        this.exchange = exchange;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    void publish(Channel channel, String queue, Envelope envelope, AMQP.BasicProperties properties, byte[] body,
                 PoisonMessageException why) throws IOException, InterruptedException, TimeoutException {
        Map<String, Object> headers = new HashMap<>();
        if (properties.getHeaders() != null) {
            headers.putAll(properties.getHeaders());
        }
        headers.put(REASON, why.describe());
        headers.put(REASON_CODE, why.reason().code());
        headers.put(ORIGINAL_EXCHANGE, envelope.getExchange());
        headers.put(ORIGINAL_ROUTING_KEY, envelope.getRoutingKey());
        headers.put(ORIGINAL_QUEUE, queue);
        AMQP.BasicProperties dead = properties.builder().headers(headers).deliveryMode(2).build();
        channel.basicPublish(exchange, envelope.getRoutingKey(), dead, body);
        channel.waitForConfirmsOrDie(confirmTimeoutMillis);
    }
}
