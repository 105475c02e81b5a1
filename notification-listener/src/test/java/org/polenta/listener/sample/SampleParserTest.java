package org.polenta.listener.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polenta.listener.Fixtures;

class SampleParserTest {

    private final OsloEnvelopeDecoder decoder = new OsloEnvelopeDecoder();
    private final SampleParser parser = new SampleParser();

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void notifierPublisherMessageCarriesAListOfSamples() throws Exception {
        OsloMessage message = decoder.decode(Fixtures.bus("notifier-publisher.metering.sample"));
        assertThat(message.messageId()).isEqualTo("6cf9a187-f9fb-44ae-8946-4cae8c5db902");
        assertThat(message.publisherId()).isEqualTo("telemetry.publisher.anchor-ceilometer");
        assertThat(message.eventType()).isEqualTo("metering");
        assertThat(message.priority()).isEqualTo("SAMPLE");
        assertThat(message.uniqueId()).isEqualTo("024d1092992d4c6c904973c4d78d62b9");
        assertThat(message.timestampNanos()).isEqualTo(nanos("2026-11-26T00:39:04.899362Z"));
        assertThat(message.context()).isEmpty();
        assertThat(SampleParser.carriesSamples(message)).isTrue();

        List<Sample> samples = parser.samples(message);
        assertThat(samples).hasSize(3);
        Sample first = samples.get(0);
        assertThat(first.source()).isEqualTo("openstack");
        assertThat(first.counterName()).isEqualTo("cpu");
        assertThat(first.counterType()).isEqualTo("cumulative");
        assertThat(first.counterUnit()).isEqualTo("ns");
        assertThat(first.counterVolume()).isEqualTo(16036261440L);
        assertThat(first.value()).isEqualTo(16036261440.0);
        assertThat(first.userId()).isEqualTo("4099c5c60c924feb9ad49af5150830a2");
        assertThat(first.projectId()).isEqualTo("41745019b85748a190ae4eee31f60414");
        assertThat(first.resourceId()).isEqualTo("4e898369-f47c-4e50-bfe5-c244b962c768");
        assertThat(first.timestamp()).isEqualTo("2024-01-01T00:00:39.162345");
        assertThat(first.timestampNanos()).isEqualTo(nanos("2024-01-01T00:00:39.162345Z"));
        assertThat(first.resourceMetadata()).containsEntry("instance_host", "anchor-ceilometer")
                .containsEntry("flavor", Map.of("id", "1", "name", "m1.tiny", "vcpus", 1, "ram", 512, "disk", 1,
                        "ephemeral", 0, "swap", 0))
                .containsEntry("image_ref_url", null);
        assertThat(first.messageId()).isEqualTo("5f5f5a02-edad-58a3-9187-43ce674ccdca");
        assertThat(first.monotonicTime()).isEqualTo(1000.0);
        assertThat(first.messageSignature()).isEqualTo("e1edf324e54a2f26d1e9cf5d4cc81029c85eceade21758808ad09305bf9c67e9");
        assertThat(samples).extracting(Sample::monotonicTime).containsExactly(1000.0, 1000.125, 1000.25);
    }

    @Test
    void pollingAgentMessageCarriesSamplesInAnObject() throws Exception {
        OsloMessage message = decoder.decode(Fixtures.bus("polling-agent.notifications.sample"));
        assertThat(message.eventType()).isEqualTo("telemetry.polling");
        assertThat(message.publisherId()).isEqualTo("ceilometer.polling");
        List<Sample> samples = parser.samples(message);
        assertThat(samples).extracting(Sample::resourceId).containsExactly("4e898369-f47c-4e50-bfe5-c244b962c768",
                "11c76e10-6267-4b1b-bbaa-31f82d3f4aac", "949fb486-d8a1-4088-9c4a-62acde0c047b");
        assertThat(samples).extracting(Sample::counterVolume).containsExactly(16036261440L, 49876028553L, 43046612542L);
    }

    @Test
    void samplesDerivedFromNotificationsHaveZonedTimestampsAndNoMonotonicTime() throws Exception {
        List<Sample> samples = parser.samples(decoder.decode(Fixtures.bus("real-agent-output.from-nova-notification.metering.sample")));
        assertThat(samples).extracting(Sample::counterName)
                .containsExactly("disk.ephemeral.size", "disk.root.size", "vcpus", "memory");
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.monotonicTime()).isNull();
            assertThat(s.timestampNanos()).isEqualTo(nanos("2024-01-01T00:10:36.516520Z"));
        });
        assertThat(samples.get(3).counterVolume()).isEqualTo(512);
    }

    @Test
    void perMeterTopicCopiesAreRecognised() throws Exception {
        OsloMessage message = decoder.decode(Fixtures.bus("notifier-publisher.per_meter_topic.metering.cpu"));
        assertThat(message.eventType()).isEqualTo("metering.cpu");
        assertThat(SampleParser.carriesSamples(message)).isFalse();
        assertThat(SampleParser.isPerMeterCopy(message)).isTrue();
    }

    @Test
    void serviceNotificationsKeepTheirContext() throws Exception {
        OsloMessage message = decoder.decode(Fixtures.bus("nova.compute.instance.create.end"));
        assertThat(message.eventType()).isEqualTo("compute.instance.create.end");
        assertThat(message.priority()).isEqualTo("INFO");
        assertThat(message.context()).containsEntry("user_name", "demo").containsEntry("is_admin", false)
                .containsEntry("roles", List.of("member", "reader"));
        assertThat(SampleParser.carriesSamples(message)).isFalse();
        assertThat(SampleParser.isPerMeterCopy(message)).isFalse();
    }

    @Test
    void bareVersionOneMessagesAreReadToo() throws Exception {
        // The v1 form is the inner message itself, without the oslo.version/oslo.message wrapper.
        Map<?, ?> envelope = (Map<?, ?>) WireJson.read(Fixtures.bus("notifier-publisher.metering.sample"));
        byte[] bare = ((String) envelope.get("oslo.message")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        OsloMessage message = decoder.decode(bare);
        assertThat(parser.samples(message)).hasSize(3);
        assertThat(message.messageId()).isEqualTo("6cf9a187-f9fb-44ae-8946-4cae8c5db902");
    }
}
