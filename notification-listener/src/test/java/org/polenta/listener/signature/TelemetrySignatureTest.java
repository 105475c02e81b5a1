package org.polenta.listener.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polenta.listener.Fixtures;
import org.polenta.listener.sample.OsloEnvelopeDecoder;
import org.polenta.listener.sample.Sample;
import org.polenta.listener.sample.SampleParser;
import org.polenta.listener.sample.WireJson;

/**
 * Signatures computed by the real ceilometer.publisher.utils.compute_signature (see src/test/python/make_fixtures.py,
 * and the captured bus messages, signed by the real publisher and polling agent with the default secret).
 */
class TelemetrySignatureTest {

    private static final String DEFAULT_SECRET = "change this for valid signing";

    @Test
    @SuppressWarnings("unchecked")
    void matchesCeilometerOnTrickyValues() throws Exception {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) WireJson.read(Fixtures.resource("signature/signatures.json"));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(9);
        for (Map<String, Object> c : cases) {
            Map<String, Object> sample = (Map<String, Object>) c.get("sample");
            TelemetrySignature signature = new TelemetrySignature((String) c.get("secret"));
            assertThat(signature.compute(sample)).as(sample.toString()).isEqualTo(c.get("signature"));
            Map<String, Object> signed = new HashMap<>(sample);
            signed.put(TelemetrySignature.FIELD, c.get("signature"));
            assertThat(signature.verify(signed)).isTrue();
        }
    }

    @Test
    void everyCapturedSampleVerifiesWithTheDefaultSecret() throws Exception {
        TelemetrySignature signature = new TelemetrySignature(DEFAULT_SECRET);
        List<Sample> samples = new ArrayList<>();
        for (String name : List.of("notifier-publisher.metering.sample", "polling-agent.notifications.sample",
                "notifier-publisher.per_meter_topic.metering.cpu", "real-agent-output.from-nova-notification.metering.sample",
                "real-agent-output.from-polling.metering.sample")) {
            var message = new OsloEnvelopeDecoder().decode(Fixtures.bus(name));
            Object payload = message.payload();
            var asMetering = new org.polenta.listener.sample.OsloMessage(message.messageId(), message.publisherId(),
                    payload instanceof List ? SampleParser.METERING : SampleParser.POLLING, message.priority(), payload,
                    message.timestamp(), message.timestampNanos(), message.uniqueId(), message.context());
            samples.addAll(new SampleParser().samples(asMetering));
        }
        assertThat(samples).hasSize(14);
        assertThat(samples).allSatisfy(s -> {
            assertThat(signature.compute(s.wire())).isEqualTo(s.messageSignature());
            assertThat(signature.verify(s.wire())).isTrue();
        });
    }

    @Test
    void anyChangeBreaksTheSignature() throws Exception {
        TelemetrySignature signature = new TelemetrySignature(DEFAULT_SECRET);
        Sample sample = new SampleParser().samples(new OsloEnvelopeDecoder().decode(Fixtures.bus("notifier-publisher.metering.sample"))).get(0);
        Map<String, Object> changed = new HashMap<>(sample.wire());
        Map<String, Object> metadata = new HashMap<>(sample.resourceMetadata());
        metadata.put("flavor", Map.of("id", "1"));
        changed.put("resource_metadata", metadata);
        assertThat(signature.verify(changed)).isFalse();
        changed = new HashMap<>(sample.wire());
        changed.put("monotonic_time", 1000);   // int instead of float: Python's str() differs ("1000" vs "1000.0")
        assertThat(signature.verify(changed)).isFalse();
        changed.put("monotonic_time", 1000.0);
        assertThat(signature.verify(changed)).isTrue();
        changed.put(TelemetrySignature.FIELD, "é");
        assertThat(signature.verify(changed)).isFalse();
    }

    @Test
    void withoutASecretNothingIsSignedAndEverythingVerifies() {
        TelemetrySignature none = new TelemetrySignature("");
        assertThat(none.enabled()).isFalse();
        assertThat(none.compute(Map.of("a", "b"))).isEmpty();
        assertThat(none.verify(Map.of("a", "b", TelemetrySignature.FIELD, "whatever"))).isTrue();
    }

    @Test
    void bytesReprFollowsPython() {
        assertThat(PythonSignatureText.bytesRepr("it's".getBytes())).isEqualTo("b\"it's\"");
        assertThat(PythonSignatureText.bytesRepr("it's \"x\"".getBytes())).isEqualTo("b'it\\'s \"x\"'");
        assertThat(PythonSignatureText.bytesRepr("café".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("b'caf\\xc3\\xa9'");
        assertThat(PythonSignatureText.bytesRepr("a\tb\\".getBytes())).isEqualTo("b'a\\tb\\\\'");
    }
}
