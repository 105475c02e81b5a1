package org.polenta.listener.sample;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unwraps an AMQP body written by oslo.messaging's messagingv2 notifier: the v2 envelope
 * {"oslo.version": "2.0", "oslo.message": "<the message as a JSON string>"}, or a bare v1 message (the message
 * object itself, as the older "messaging" driver and some tools send it).
 */
public final class OsloEnvelopeDecoder {

    static final String VERSION_KEY = "oslo.version";
    static final String MESSAGE_KEY = "oslo.message";
    private static final String CONTEXT_PREFIX = "_context_";

    public OsloMessage decode(byte[] body) throws PoisonMessageException {
        Map<String, Object> outer = object(parse(body), "message body");
        Map<String, Object> message;
        if (outer.containsKey(MESSAGE_KEY)) {
            Object version = outer.get(VERSION_KEY);
            if (!"2.0".equals(version)) {
                throw new PoisonMessageException(PoisonReason.BAD_FIELD,
                        "unsupported oslo.version " + version + " (expected \"2.0\")");
            }
            if (!(outer.get(MESSAGE_KEY) instanceof String inner)) {
                throw new PoisonMessageException(PoisonReason.BAD_FIELD, "oslo.message is not a JSON string");
            }
            message = object(parseInner(inner), "oslo.message");
        } else {
            message = outer;
        }
        return toMessage(message);
    }

    private static OsloMessage toMessage(Map<String, Object> message) throws PoisonMessageException {
        String eventType = requiredText(message, "event_type");
        if (!message.containsKey("payload")) {
            throw new PoisonMessageException(PoisonReason.MISSING_FIELD, "message has no payload");
        }
        String timestamp = requiredText(message, "timestamp");
        long nanos;
        try {
            nanos = WireTimestamps.parse(timestamp);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(PoisonReason.BAD_TIMESTAMP, "message " + e.getMessage(), e);
        }
        Map<String, Object> context = new LinkedHashMap<>();
        message.forEach((key, value) -> {
            if (key.startsWith(CONTEXT_PREFIX)) {
                context.put(key.substring(CONTEXT_PREFIX.length()), value);
            }
        });
        return new OsloMessage(
                optionalText(message, "message_id"),
                optionalText(message, "publisher_id"),
                eventType,
                optionalText(message, "priority"),
                message.get("payload"),
                timestamp,
                nanos,
                optionalText(message, "_unique_id"),
                context);
    }

    private static Object parse(byte[] body) throws PoisonMessageException {
        try {
            return WireJson.read(body);
        } catch (IOException e) {
            throw new PoisonMessageException(PoisonReason.BAD_JSON, "body is not JSON: " + firstLine(e), e);
        }
    }

    private static Object parseInner(String inner) throws PoisonMessageException {
        try {
            return WireJson.read(inner);
        } catch (IOException e) {
            throw new PoisonMessageException(PoisonReason.BAD_JSON, "oslo.message is not JSON: " + firstLine(e), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json, String what) throws PoisonMessageException {
        if (json instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new PoisonMessageException(PoisonReason.BAD_JSON, what + " is not a JSON object");
    }

    private static String requiredText(Map<String, Object> message, String key) throws PoisonMessageException {
        Object value = message.get(key);
        if (value == null) {
            throw new PoisonMessageException(PoisonReason.MISSING_FIELD, "message has no " + key);
        }
        if (!(value instanceof String text)) {
            throw new PoisonMessageException(PoisonReason.BAD_FIELD, "message " + key + " is not a string");
        }
        return text;
    }

    private static String optionalText(Map<String, Object> message, String key) {
        return message.get(key) instanceof String text ? text : null;
    }

    private static String firstLine(IOException e) {
        String text = String.valueOf(e.getMessage());
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
