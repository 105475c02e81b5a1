package org.polenta.listener.mapping;

import java.util.Map;

/**
 * A resource that a service notification says is gone: set its ended_at, and that of the resources listed in
 * {@code alsoEnd} (type → attribute) whose attribute holds this resource's id.
 *
 * @param endedAtNanos the notification's own timestamp; Ceilometer uses the time it handles the event, which a
 *                     redelivery would change, so the sender's time keeps a replay harmless
 */
public record ResourceEnding(
        String resourceType,
        String resourceId,
        String originalResourceId,
        long endedAtNanos,
        Map<String, String> alsoEnd,
        String eventType,
        String messageId) {
}
