package org.polenta.service.listener;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bus messages shaped exactly like the captured notifier:// publisher message (oslo envelope, sample fields,
 * instance metadata), with the sample's id, time, value and resource varied: a stream of distinct samples.
 */
final class CapturedSamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final Map<String, Object> inner;
    private final Map<String, Object> templateSample;

    @SuppressWarnings("unchecked")
    CapturedSamples() {
        try {
            Map<String, Object> envelope = JSON.readValue(LocalRabbit.captured("notifier-publisher.metering.sample"), Map.class);
            inner = JSON.readValue((String) envelope.get("oslo.message"), Map.class);
            templateSample = ((List<Map<String, Object>>) inner.get("payload")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cpu sample number {@code i} of {@code resourceId}: i * 10 s after T0, value i, message id "m-i-resource". */
    Map<String, Object> sample(int i, String resourceId) {
        Map<String, Object> sample = new LinkedHashMap<>(templateSample);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) templateSample.get("resource_metadata"));
        // A compute sample's metadata names its instance: the resource itself, or the instance of a disk or vNIC.
        metadata.put("instance_id", resourceId.length() > 36 ? resourceId.substring(0, 36) : resourceId);
        sample.put("resource_metadata", metadata);
        sample.put("resource_id", resourceId);
        sample.put("message_id", "m-" + i + "-" + resourceId);
        sample.put("timestamp", T0.plusSeconds(10L * i).toString().replace("Z", ""));
        sample.put("counter_volume", i);
        return sample;
    }

    /** One notifier:// message carrying the given samples. */
    byte[] message(List<Map<String, Object>> samples) {
        Map<String, Object> copy = new LinkedHashMap<>(inner);
        copy.put("payload", new ArrayList<>(samples));
        copy.put("message_id", java.util.UUID.randomUUID().toString());
        try {
            String text = JSON.writeValueAsString(copy);
            return JSON.writeValueAsString(Map.of("oslo.version", "2.0", "oslo.message", text))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
