package org.polenta.listener.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polenta.listener.Fixtures;
import org.polenta.listener.TestMessages;
import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.sample.PoisonReason;
import org.polenta.listener.signature.TelemetrySignature;

class MessageHandlerTest {

    private static final String CEILOMETER_DEFAULT_SECRET = "change this for valid signing";
    private static final byte[] NOTIFIER = Fixtures.bus("notifier-publisher.metering.sample");

    private final MessageHandler handler = new MessageHandler(Fixtures.shippedMapping(),
            new TelemetrySignature(CEILOMETER_DEFAULT_SECRET));

    private PoisonReason poisonReason(byte[] body) {
        HandledMessage handled = handler.handle(body);
        assertThat(handled.isPoison()).as("poison").isTrue();
        assertThat(handled.poison().getMessage()).isNotBlank();
        return handled.poison().reason();
    }

    @Test
    void everyCapturedSampleMessageIsFiledAndVerifies() {
        for (String name : List.of("notifier-publisher.metering.sample", "polling-agent.notifications.sample",
                "real-agent-output.from-nova-notification.metering.sample", "real-agent-output.from-polling.metering.sample")) {
            HandledMessage handled = handler.handle(Fixtures.bus(name));
            assertThat(handled.isPoison()).as(name + " " + handled.poison()).isFalse();
            assertThat(handled.samples()).as(name).isNotEmpty();
            assertThat(handled.skippedSamples()).isZero();
        }
        assertThat(handler.handle(NOTIFIER).samples()).extracting(MappedSample::metricName).containsOnly("cpu");
    }

    @Test
    void perMeterCopiesAndUnrelatedNotificationsAreIgnoredNotPoison() {
        HandledMessage copy = handler.handle(Fixtures.bus("notifier-publisher.per_meter_topic.metering.cpu"));
        assertThat(copy.isPoison()).isFalse();
        assertThat(copy.samples()).isEmpty();
        assertThat(copy.ignoredBecause()).contains("per_meter_topic");
        HandledMessage create = handler.handle(Fixtures.bus("nova.compute.instance.create.end"));
        assertThat(create.isPoison()).isFalse();
        assertThat(create.ignoredBecause()).contains("compute.instance.create.end");
    }

    @Test
    void badJsonIsPoison() {
        assertThat(poisonReason("{\"oslo.version\": \"2.0\", ".getBytes(StandardCharsets.UTF_8))).isEqualTo(PoisonReason.BAD_JSON);
        assertThat(poisonReason(new byte[] {(byte) 0xff, (byte) 0xfe})).isEqualTo(PoisonReason.BAD_JSON);
        assertThat(poisonReason("[1, 2]".getBytes(StandardCharsets.UTF_8))).isEqualTo(PoisonReason.BAD_JSON);
        assertThat(poisonReason("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{not json\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PoisonReason.BAD_JSON);
    }

    @Test
    void missingFieldsArePoison() {
        for (String field : List.of("counter_name", "counter_volume", "resource_id", "timestamp", "message_id",
                "counter_unit", "counter_type")) {
            byte[] body = TestMessages.editedFirstSample(NOTIFIER, sample -> sample.remove(field));
            assertThat(poisonReason(body)).as(field).isEqualTo(PoisonReason.MISSING_FIELD);
        }
        assertThat(poisonReason(TestMessages.edited(NOTIFIER, m -> m.remove("payload")))).isEqualTo(PoisonReason.MISSING_FIELD);
        assertThat(poisonReason(TestMessages.edited(NOTIFIER, m -> m.remove("event_type")))).isEqualTo(PoisonReason.MISSING_FIELD);
        assertThat(poisonReason(TestMessages.edited(Fixtures.bus("polling-agent.notifications.sample"),
                m -> m.put("payload", Map.of("other", List.of()))))).isEqualTo(PoisonReason.MISSING_FIELD);
    }

    @Test
    void badTimestampsArePoison() {
        for (String bad : List.of("yesterday", "2024-13-01T00:00:00", "now", "1969-01-01T00:00:00")) {
            byte[] body = TestMessages.editedFirstSample(NOTIFIER, sample -> sample.put("timestamp", bad));
            // The sample was signed with the old timestamp: check the timestamp verdict with signing off.
            HandledMessage handled = new MessageHandler(Fixtures.shippedMapping(), new TelemetrySignature("")).handle(body);
            assertThat(handled.isPoison()).isTrue();
            assertThat(handled.poison().reason()).as(bad).isEqualTo(PoisonReason.BAD_TIMESTAMP);
        }
        assertThat(poisonReason(TestMessages.edited(NOTIFIER, m -> m.put("timestamp", "later"))))
                .isEqualTo(PoisonReason.BAD_TIMESTAMP);
    }

    @Test
    void badValuesArePoison() {
        MessageHandler unsigned = new MessageHandler(Fixtures.shippedMapping(), new TelemetrySignature(""));
        for (Object bad : List.of("twelve", Map.of(), List.of(1), true)) {
            HandledMessage handled = unsigned.handle(TestMessages.editedFirstSample(NOTIFIER, s -> s.put("counter_volume", bad)));
            assertThat(handled.poison().reason()).as(String.valueOf(bad)).isEqualTo(PoisonReason.BAD_FIELD);
        }
        byte[] nan = new String(NOTIFIER, StandardCharsets.UTF_8)
                .replace("\\\"counter_volume\\\": 16036261440", "\\\"counter_volume\\\": NaN").getBytes(StandardCharsets.UTF_8);
        assertThat(unsigned.handle(nan).poison().reason()).isEqualTo(PoisonReason.BAD_FIELD);
        // Ceilometer's pipeline takes anything float() reads; so does the listener.
        HandledMessage text = unsigned.handle(TestMessages.editedFirstSample(NOTIFIER, s -> s.put("counter_volume", "12.5")));
        assertThat(text.isPoison()).isFalse();
        assertThat(text.samples().get(0).value()).isEqualTo(12.5);
    }

    @Test
    void aTamperedOrUnsignedSampleFailsVerification() {
        byte[] tampered = TestMessages.editedFirstSample(NOTIFIER, sample -> sample.put("counter_volume", 1));
        assertThat(poisonReason(tampered)).isEqualTo(PoisonReason.BAD_SIGNATURE);
        byte[] unsigned = TestMessages.editedFirstSample(NOTIFIER, sample -> sample.put("message_signature", ""));
        assertThat(poisonReason(unsigned)).isEqualTo(PoisonReason.BAD_SIGNATURE);
        byte[] otherSecret = TestMessages.editedFirstSample(NOTIFIER, sample -> sample.put("message_signature",
                new TelemetrySignature("another secret").compute(sample)));
        assertThat(poisonReason(otherSecret)).isEqualTo(PoisonReason.BAD_SIGNATURE);
        // Without a secret nothing is checked, as in Ceilometer.
        assertThat(new MessageHandler(Fixtures.shippedMapping(), new TelemetrySignature("")).handle(tampered).isPoison()).isFalse();
    }

    @Test
    void deleteNotificationsEndResources() {
        byte[] delete = TestMessages.edited(Fixtures.bus("nova.compute.instance.create.end"),
                m -> m.put("event_type", "compute.instance.delete.start"));
        HandledMessage handled = handler.handle(delete);
        assertThat(handled.endings()).singleElement().satisfies(ending -> {
            assertThat(ending.resourceType()).isEqualTo("instance");
            assertThat(ending.resourceId()).isEqualTo("372567f6-dfe6-4955-b29b-3a2cb29f3a64");
            assertThat(ending.alsoEnd()).containsOnlyKeys("instance_disk", "instance_network_interface");
        });
        byte[] noId = TestMessages.edited(delete, m -> ((Map<?, ?>) m.get("payload")).remove("instance_id"));
        assertThat(poisonReason(noId)).isEqualTo(PoisonReason.MISSING_FIELD);
        List<ResourceEnding> volume = handler.handle(TestMessages.edited(Fixtures.bus("cinder.volume.exists"),
                m -> m.put("event_type", "volume.delete.end"))).endings();
        assertThat(volume).extracting(ResourceEnding::resourceType, ResourceEnding::resourceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("volume", "77448e44-929f-488f-9b48-c55ea86e0a0e"));
    }
}
