package org.polenta.listener.sample;

import java.util.Map;

/**
 * A Ceilometer sample as meter_message_from_counter() puts it on the bus; every field of the wire dict.
 *
 * @param counterVolume the value as sent (Integer, Long, BigInteger or Double); see {@link #value()}
 * @param timestamp     the text as sent, kept because Gnocchi and the signature see it that way
 * @param timestampNanos the same instant in epoch nanoseconds (UTC when the text has no zone)
 * @param resourceMetadata untyped JSON, never null (an absent or null metadata is empty)
 * @param monotonicTime null after a trip through the notification agent
 * @param messageSignature "" when the sender had no telemetry secret
 * @param wire          the sample dict exactly as decoded, for signature verification
 */
public record Sample(
        String source,
        String counterName,
        String counterType,
        String counterUnit,
        Number counterVolume,
        String userId,
        String projectId,
        String resourceId,
        String timestamp,
        long timestampNanos,
        Map<String, Object> resourceMetadata,
        String messageId,
        Double monotonicTime,
        String messageSignature,
        Map<String, Object> wire) {

    public double value() {
        return counterVolume.doubleValue();
    }
}
