package org.polenta.listener.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The samples inside a notification, from either path: the notifier:// publisher (event_type "metering",
 * payload a list of sample dicts) or the polling agent (event_type "telemetry.polling", payload
 * {"samples": [...]}). Any sample that cannot be filed makes the whole message poison, so a message is either
 * filed completely or kept whole in the dead-letter queue.
 */
public final class SampleParser {

    public static final String METERING = "metering";
    public static final String POLLING = "telemetry.polling";

    /** True when the message carries samples this parser reads. */
    public static boolean carriesSamples(OsloMessage message) {
        return METERING.equals(message.eventType()) || POLLING.equals(message.eventType());
    }

    /**
     * The notifier publisher's per_meter_topic=1 sends every sample a second time as "metering.<meter>" on the
     * same routing key; those copies are recognised so they can be skipped.
     */
    public static boolean isPerMeterCopy(OsloMessage message) {
        return message.eventType().startsWith(METERING + ".");
    }

    public List<Sample> samples(OsloMessage message) throws PoisonMessageException {
        List<?> dicts = sampleDicts(message);
        List<Sample> samples = new ArrayList<>(dicts.size());
        for (int i = 0; i < dicts.size(); i++) {
            if (!(dicts.get(i) instanceof Map<?, ?> dict)) {
                throw new PoisonMessageException(PoisonReason.BAD_FIELD, "sample #" + i + " is not a JSON object");
            }
            samples.add(sample(i, castMap(dict)));
        }
        return samples;
    }

    private static List<?> sampleDicts(OsloMessage message) throws PoisonMessageException {
        Object payload = message.payload();
        if (METERING.equals(message.eventType())) {
            if (payload instanceof List<?> list) {
                return list;
            }
            throw new PoisonMessageException(PoisonReason.BAD_FIELD, "metering payload is not a list of samples");
        }
        if (POLLING.equals(message.eventType())) {
            if (!(payload instanceof Map<?, ?> map)) {
                throw new PoisonMessageException(PoisonReason.BAD_FIELD, "telemetry.polling payload is not an object");
            }
            if (!map.containsKey("samples")) {
                throw new PoisonMessageException(PoisonReason.MISSING_FIELD, "telemetry.polling payload has no samples");
            }
            if (map.get("samples") instanceof List<?> list) {
                return list;
            }
            throw new PoisonMessageException(PoisonReason.BAD_FIELD, "telemetry.polling samples is not a list");
        }
        throw new IllegalArgumentException("event type " + message.eventType() + " carries no samples");
    }

    private static Sample sample(int index, Map<String, Object> dict) throws PoisonMessageException {
        SampleFields fields = new SampleFields(index, dict);
        String timestamp = fields.requiredText("timestamp");
        long nanos;
        try {
            nanos = WireTimestamps.parse(timestamp);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(PoisonReason.BAD_TIMESTAMP, "sample #" + index + " " + e.getMessage(), e);
        }
        return new Sample(
                fields.optionalText("source"),
                fields.requiredText("counter_name"),
                fields.presentText("counter_type"),
                fields.presentText("counter_unit"),
                fields.volume(),
                fields.presentText("user_id"),
                fields.presentText("project_id"),
                fields.requiredText("resource_id"),
                timestamp,
                nanos,
                fields.metadata(),
                fields.requiredText("message_id"),
                fields.optionalNumber("monotonic_time"),
                fields.signature(),
                dict);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Field access with the poison reason and the sample's position in every complaint. */
    private record SampleFields(int index, Map<String, Object> dict) {

        String requiredText(String key) throws PoisonMessageException {
            String text = presentText(key);
            if (text == null || text.isEmpty()) {
                throw missing(key);
            }
            return text;
        }

        /** The key must be there (meter_message_from_counter always writes it), the value may be null. */
        String presentText(String key) throws PoisonMessageException {
            if (!dict.containsKey(key)) {
                throw missing(key);
            }
            return optionalText(key);
        }

        String optionalText(String key) throws PoisonMessageException {
            Object value = dict.get(key);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw bad(key + " is not a string");
        }

        Double optionalNumber(String key) throws PoisonMessageException {
            Object value = dict.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            throw bad(key + " is not a number");
        }

        /** Ceilometer's pipeline accepts any volume float() accepts; Gnocchi refuses NaN and infinities. */
        Number volume() throws PoisonMessageException {
            if (!dict.containsKey("counter_volume")) {
                throw missing("counter_volume");
            }
            Object value = dict.get("counter_volume");
            Number number;
            if (value instanceof Number n) {
                number = n;
            } else if (value instanceof String text) {
                try {
                    number = new BigDecimal(text.strip()).doubleValue();
                } catch (NumberFormatException e) {
                    throw bad("counter_volume is not a number: " + text);
                }
            } else {
                throw bad("counter_volume is not a number: " + value);
            }
            if (!Double.isFinite(number.doubleValue())) {
                throw bad("counter_volume is not finite: " + number);
            }
            return number;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> metadata() throws PoisonMessageException {
            Object value = dict.get("resource_metadata");
            if (value == null) {
                return Map.of();
            }
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw bad("resource_metadata is not an object");
        }

        String signature() throws PoisonMessageException {
            String text = optionalText("message_signature");
            return text == null ? "" : text;
        }

        private PoisonMessageException missing(String key) {
            return new PoisonMessageException(PoisonReason.MISSING_FIELD, "sample #" + index + " has no " + key);
        }

        private PoisonMessageException bad(String what) {
            return new PoisonMessageException(PoisonReason.BAD_FIELD, "sample #" + index + " " + what);
        }
    }
}
