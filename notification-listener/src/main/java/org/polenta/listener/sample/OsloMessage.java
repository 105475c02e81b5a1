package org.polenta.listener.sample;

import java.util.Map;

/**
 * One oslo.messaging notification, unwrapped from its envelope.
 *
 * @param payload  the payload as untyped JSON (List, Map, String, Number, Boolean or null)
 * @param timestampNanos the envelope timestamp (when the sender emitted it), epoch nanoseconds
 * @param context  the "_context_*" entries without their prefix
 */
public record OsloMessage(
        String messageId,
        String publisherId,
        String eventType,
        String priority,
        Object payload,
        String timestamp,
        long timestampNanos,
        String uniqueId,
        Map<String, Object> context) {
}
